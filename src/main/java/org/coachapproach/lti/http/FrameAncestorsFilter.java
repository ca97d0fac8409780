package org.coachapproach.lti.http;

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
 * The Content-Security-Policy of every response. Its {@code frame-ancestors} lets registered
 * platforms, and only them, show the tool in an iframe (CSP, not {@code X-Frame-Options},
 * which cannot list several origins); the Dynamic Registration page is the exception: any
 * platform may frame it. The policy lives here, beside the registrations, because
 * frame-ancestors is the part that varies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FrameAncestorsFilter extends OncePerRequestFilter {

	/**
	 * The rest of the policy, the same for every page. Scripts only from the tool's own files:
	 * no page has an inline script or event handler, so an injected one never runs. No
	 * {@code default-src}: frames (recordings from video sites, the demo platform framing the
	 * tool, Platform Storage frames), images and media in the curriculum come from other sites,
	 * and the email previews show inline styles. No {@code form-action}: launches, OIDC and
	 * deep-linking returns post to the platforms' own sites.
	 */
	static final String FIXED_DIRECTIVES = "script-src 'self'; object-src 'none'; base-uri 'self'";

	private final Registrations registrations;

	FrameAncestorsFilter(Registrations registrations) {
		this.registrations = registrations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", frameAncestors(request) + "; " + FIXED_DIRECTIVES);
		chain.doFilter(request, response);
	}

	/** Who may frame this response: the one place that decides it. */
	String frameAncestors(HttpServletRequest request) {
		StringBuilder policy = new StringBuilder("frame-ancestors 'self'");
		if (request.getRequestURI().equals(ToolUrls.REGISTER)) {
			// A platform opens the registration page in its own frame before it is registered.
			policy.append(" *");
		}
		else {
			this.registrations.frameOrigins().forEach(origin -> policy.append(' ').append(origin));
		}
		return policy.toString();
	}

}
