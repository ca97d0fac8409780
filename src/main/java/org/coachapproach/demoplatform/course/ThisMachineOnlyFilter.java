package org.coachapproach.demoplatform.course;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The demo platform lets anyone in as any demo person, program staff included, so it answers
 * only requests made directly on this machine (see {@link ThisMachine}); any other gets the
 * refusal page (403), whatever the path under {@code /demo}.
 */
class ThisMachineOnlyFilter extends OncePerRequestFilter {

	static final String REFUSED = "/demo/this-machine-only";

	private static final Logger log = LoggerFactory.getLogger(ThisMachineOnlyFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ThisMachine.isDirect(request)) {
			chain.doFilter(request, response);
			return;
		}
		log.debug("Demo platform: refused {} {} from {} (connection to {}): not direct from this machine",
				request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), request.getLocalAddr());
		request.getRequestDispatcher(REFUSED).forward(request, response);
	}

}
