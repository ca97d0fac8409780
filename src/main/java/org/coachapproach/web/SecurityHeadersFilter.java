package org.coachapproach.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers every response carries, public pages, static files, LTI endpoints and errors alike
 * (set before the request goes on, so an error page keeps them). The Content-Security-Policy
 * is set beside the registered platforms, in the LTI module, since its frame-ancestors depend
 * on them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SecurityHeadersFilter extends OncePerRequestFilter {

	/** One year, subdomains included: what browsers' preload lists ask for. */
	static final String HSTS = "max-age=31536000; includeSubDomains";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		// Pages may carry the session token in their address (cookieless launches): never send it to another site.
		response.setHeader("Referrer-Policy", "same-origin");
		// Only over https (RFC 6797 §7.2): secure directly, or from a trusted proxy's X-Forwarded-Proto.
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", HSTS);
		}
		chain.doFilter(request, response);
	}

}
