package org.coachapproach.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A correlation id for every request: in the log lines' MDC ({@code requestId}), in the
 * {@code X-Request-Id} response header and on the error pages ("Reference: …"), so that a person
 * can quote it to support and the operator finds the log lines. A proxy's own id is kept when it
 * is a short plain token; anything else (it ends up in logs and pages) is replaced.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	/** The MDC key and the request attribute the pages read. */
	static final String KEY = "requestId";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{8,64}");

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// The container's error page renders after the request's own pass has cleared the MDC.
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getAttribute(KEY) instanceof String known ? known : accepted(request.getHeader(HEADER));
		request.setAttribute(KEY, id);
		response.setHeader(HEADER, id);
		String outer = MDC.get(KEY);
		MDC.put(KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer == null) {
				MDC.remove(KEY);
			}
			else {
				MDC.put(KEY, outer);
			}
		}
	}

	static String accepted(String incoming) {
		return incoming != null && SAFE.matcher(incoming).matches() ? incoming
				: UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

}
