package org.coachapproach.curriculum.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Only the tool's own pages may post settings: the session cookie is SameSite=None (it must
 * work in the platform's iframe), so another site's form would otherwise carry it. The same
 * check as progress's, which that module keeps to itself.
 */
@Component
class SameOriginForms {

	private final String configuredOrigin;

	SameOriginForms(@Value("${coachapproach.lti.base-url:}") String baseUrl) {
		this.configuredOrigin = StringUtils.hasText(baseUrl) ? origin(baseUrl) : null;
	}

	boolean isSameOrigin(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader("Origin");
		return (site == null || site.equals("same-origin")) && (origin == null || origin.equals(toolOrigin(request)));
	}

	private String toolOrigin(HttpServletRequest request) {
		if (this.configuredOrigin != null) {
			return this.configuredOrigin;
		}
		return origin(ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString());
	}

	private static String origin(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
					+ (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
