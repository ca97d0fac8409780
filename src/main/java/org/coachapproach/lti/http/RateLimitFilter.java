package org.coachapproach.lti.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.lti.LtiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-address limits on the LTI endpoints anyone can call and that each write a row: login
 * initiation (a login state) and Dynamic Registration (a registration). Over the limit the
 * request is refused before it reaches them, with 429, {@code Retry-After} and the error page.
 * The address is the TCP peer, or what a trusted proxy says it is; the defaults let a class of
 * 60 launch at once from behind one NAT address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 8)
class RateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private final AddressBuckets logins;

	private final AddressBuckets registrations;

	RateLimitFilter(LtiProperties properties) {
		LtiProperties.RateLimit limits = properties.rateLimit();
		this.logins = new AddressBuckets(limits.login().capacity(), limits.login().period(), limits.maxAddresses());
		this.registrations = new AddressBuckets(limits.register().capacity(), limits.register().period(),
				limits.maxAddresses());
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return buckets(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConsumptionProbe probe = buckets(request).take(request.getRemoteAddr());
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		// Debug only: a client hammering the endpoint must not fill the log too.
		log.debug("Too many requests to {} from {}; refused for {} s", request.getRequestURI(), request.getRemoteAddr(),
				seconds);
		response.setHeader("Retry-After", Long.toString(seconds));
		response.sendError(429);
	}

	private AddressBuckets buckets(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return switch (path) {
			case ToolUrls.LOGIN -> this.logins;
			case ToolUrls.REGISTER -> this.registrations;
			default -> null;
		};
	}

}
