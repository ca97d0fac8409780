package org.coachapproach.lti;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.lti.registration.Registrations;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets registered platforms, and only them, show the tool in an iframe: CSP
 * {@code frame-ancestors} (not {@code X-Frame-Options}, which cannot list several origins). The
 * Dynamic Registration page is the exception: any platform may frame it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FrameAncestorsFilter extends OncePerRequestFilter {

	private final Registrations registrations;

	FrameAncestorsFilter(Registrations registrations) {
		this.registrations = registrations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		StringBuilder policy = new StringBuilder("frame-ancestors 'self'");
		if (request.getRequestURI().equals(ToolUrls.REGISTER)) {
			// A platform opens the registration page in its own frame before it is registered.
			policy.append(" *");
		}
		else {
			this.registrations.frameOrigins().forEach(origin -> policy.append(' ').append(origin));
		}
		response.setHeader("Content-Security-Policy", policy.toString());
		chain.doFilter(request, response);
	}

}
