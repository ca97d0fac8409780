package org.coachapproach.series.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A state-changing request must come from the tool's own pages. The session cookie is
 * SameSite=None (the tool lives in the platform's iframe), so another site's form would
 * otherwise carry it; browsers mark such a request with Sec-Fetch-Site and Origin.
 */
final class SameOrigin {

	private SameOrigin() {
	}

	static void require(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader("Origin");
		if ((site != null && !site.equals("same-origin")) || (origin != null && !origin.equalsIgnoreCase(own(request)))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "cross-site request refused");
		}
	}

	private static String own(HttpServletRequest request) {
		String scheme = request.getScheme().toLowerCase(java.util.Locale.ROOT);
		int port = request.getServerPort();
		boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
		return scheme + "://" + request.getServerName().toLowerCase(java.util.Locale.ROOT)
				+ (defaultPort || port < 0 ? "" : ":" + port);
	}

}
