package org.coachapproach.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every state-changing request to the tool's pages must come from the tool's own pages. The
 * session cookie has to be SameSite=None (the tool lives in the platform's iframe), so another
 * site's form would carry it; browsers say where a request comes from in Sec-Fetch-Site and
 * Origin. The LTI endpoints, which platforms post to across sites by design, and the demo
 * platform check their own requests.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return SAFE.contains(request.getMethod()) || path.startsWith("/lti/") || path.equals("/demo")
				// RFC 8058 one-click unsubscribe is posted by mail providers; the signed token authorises it.
				|| path.startsWith("/unsubscribe/")
				|| path.startsWith("/demo/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader("Origin");
		if ((site != null && !site.equals("same-origin")) || (origin != null && !origin.equalsIgnoreCase(own(request)))) {
			request.setAttribute(ReasonedErrorAttributes.REASON, "error.crossSite");
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String own(HttpServletRequest request) {
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		int port = request.getServerPort();
		boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
		return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT)
				+ (defaultPort || port < 0 ? "" : ":" + port);
	}

}
