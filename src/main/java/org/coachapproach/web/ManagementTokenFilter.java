package org.coachapproach.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who counts as authorised at the actuator ({@code show-details=when-authorized}): a request
 * that presents {@code Authorization: Bearer <coachapproach.management.token>}. The tool has
 * no Spring Security, and needs none for one shared secret; the actuator asks only whether the
 * request has a principal. Anyone else still gets the status (UP/DOWN) and the probes, never
 * the details (database, disk, curriculum). Without a token nobody sees the details.
 * The metrics ({@code /prometheus}) are for the operator only: refused without the token
 * (401), with another (403), and to everyone while no token is configured.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class ManagementTokenFilter extends OncePerRequestFilter {

	static final int MIN_LENGTH = 32;

	private static final Principal OPERATOR = () -> "management";

	private final String basePath;

	private final String metricsPath;

	private final byte[] token;

	ManagementTokenFilter(WebProperties properties, ObjectProvider<WebEndpointProperties> endpoints) {
		String token = properties.token();
		// Absent where the application runs as a command, without web endpoints.
		String basePath = endpoints.getIfAvailable(WebEndpointProperties::new).getBasePath();
		if (!token.isEmpty() && token.length() < MIN_LENGTH) {
			throw new IllegalStateException("coachapproach.management.token must have at least " + MIN_LENGTH
					+ " characters (e.g. openssl rand -base64 32)");
		}
		this.token = token.isEmpty() ? null : digest(token);
		this.basePath = basePath;
		this.metricsPath = basePath + "/prometheus";
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals(this.basePath) || path.startsWith(this.basePath + "/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader("Authorization");
		if (this.token != null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				// Digests of equal length: the comparison takes the same time whatever was sent.
				&& MessageDigest.isEqual(digest(authorization.substring(7).trim()), this.token)) {
			chain.doFilter(new HttpServletRequestWrapper(request) {
				@Override
				public Principal getUserPrincipal() {
					return OPERATOR;
				}
			}, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(this.metricsPath) || path.startsWith(this.metricsPath + "/")) {
			if (authorization == null && this.token != null) {
				response.setHeader("WWW-Authenticate", "Bearer");
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
