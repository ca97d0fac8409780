package org.coachapproach.progress.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Only the tool's own pages may post progress: the session cookie is SameSite=None (it must
 * work in the platform's iframe), so another site's form would otherwise carry it.
 */
@Component
class SameOriginPosts {

	private final String configuredOrigin;

	SameOriginPosts(@Value("${coachapproach.lti.base-url:}") String baseUrl) {
		this.configuredOrigin = StringUtils.hasText(baseUrl) ? origin(baseUrl) : null;
	}

	/** @throws CrossSiteRequestException when the browser says the post came from elsewhere */
	void require(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader("Origin");
		if ((site != null && !site.equals("same-origin")) || (origin != null && !origin.equals(toolOrigin(request)))) {
			throw new CrossSiteRequestException();
		}
	}

	private String toolOrigin(HttpServletRequest request) {
		if (this.configuredOrigin != null) {
			return this.configuredOrigin;
		}
		return origin(ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString());
	}

	static String origin(String url) {
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

	static class CrossSiteRequestException extends RuntimeException {

		CrossSiteRequestException() {
			super("progress post from another site");
		}

	}

}
