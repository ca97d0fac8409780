package org.coachapproach.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every page but the public ones needs a signed-in session, started by a verified launch. The
 * token comes from the session cookie, or from the URL where the platform's iframe blocks
 * cookies; in that case every link the page renders carries it on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SessionFilter extends OncePerRequestFilter {

	/** Request attribute holding the {@link AccessSession}. */
	static final String CURRENT = "coachapproach.session";

	private static final List<String> PUBLIC = List.of("/lti/", "/demo/", "/actuator/", "/css/", "/js/", "/images/",
			"/error", "/favicon.ico");

	private final AccessSessions sessions;

	SessionFilter(AccessSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/demo") || PUBLIC.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("X-Content-Type-Options", "nosniff");
		String fromCookie = cookie(request);
		Optional<AccessSession> session = Optional.ofNullable(fromCookie).flatMap(this.sessions::find);
		String fromUrl = null;
		if (session.isEmpty()) {
			fromUrl = request.getParameter(AccessSessions.PARAMETER);
			session = Optional.ofNullable(fromUrl).flatMap(this.sessions::find);
		}
		if (session.isEmpty()) {
			request.setAttribute("jakarta.servlet.error.status_code", HttpServletResponse.SC_UNAUTHORIZED);
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		request.setAttribute(CURRENT, session.get());
		response.setHeader("Cache-Control", "no-store");
		chain.doFilter(request, fromUrl == null ? response : new TokenInLinks(response, fromUrl));
	}

	private static String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (AccessSessions.COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** Carries the session token on every link and redirect the page makes (Thymeleaf's @{...}). */
	private static final class TokenInLinks extends HttpServletResponseWrapper {

		private final String token;

		TokenInLinks(HttpServletResponse response, String token) {
			super(response);
			this.token = token;
		}

		@Override
		public String encodeURL(String url) {
			if (url == null || url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//")
					|| url.startsWith("#") || url.startsWith("/css/") || url.startsWith("/js/")
					|| url.startsWith("/images/")) {
				return super.encodeURL(url);
			}
			return UriComponentsBuilder.fromUriString(url)
				.replaceQueryParam(AccessSessions.PARAMETER, this.token)
				.build()
				.toUriString();
		}

		@Override
		public String encodeRedirectURL(String url) {
			return encodeURL(url);
		}

	}

}
