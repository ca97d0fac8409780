package org.coachapproach.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.people.AccessSession;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The locale for dates and numbers: the one the platform gave at launch (the person's Canvas
 * language), else the browser's. The pages' language stays that of the messages they are
 * written in ({@code app.language}), whatever this says.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
class LaunchLocaleResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(SessionFilter.CURRENT) instanceof AccessSession session && session.context() != null) {
			Locale launched = of(session.context().locale());
			if (launched != null) {
				return launched;
			}
		}
		return request.getLocale();
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("the locale comes from the launch or the browser");
	}

	/** A BCP 47 tag as platforms send it ({@code en-GB}, or Canvas's older {@code en_GB}); null when none. */
	static Locale of(String tag) {
		if (!StringUtils.hasText(tag)) {
			return null;
		}
		Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
		return locale.getLanguage().isEmpty() ? null : locale;
	}

}
