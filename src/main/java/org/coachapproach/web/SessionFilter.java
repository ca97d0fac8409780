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
	static final String CURRENT = AccessSessions.REQUEST_ATTRIBUTE;

	/** The session token, when this request carried it in the URL (no cookie). */
	static final String TOKEN_FROM_URL = SessionFilter.class.getName() + ".tokenFromUrl";

	/** The session token this request was signed in with, from the cookie or the URL. */
	static final String TOKEN = SessionFilter.class.getName() + ".token";

	private static final List<String> PUBLIC = List.of("/lti/", "/demo/", "/actuator/", "/css/", "/js/", "/images/",
			"/error", "/favicon.ico", SignOutController.SIGNED_OUT,
			// Reached from calendar apps and email, authorised by the token in their address.
			"/feeds/", "/unsubscribe/");

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
		String fromCookie = cookie(request);
		Optional<AccessSession> session = Optional.ofNullable(fromCookie).flatMap(this.sessions::find);
		String fromUrl = null;
		if (session.isEmpty() && acceptsTokenInUrl(request)) {
			fromUrl = request.getParameter(AccessSessions.PARAMETER);
			session = Optional.ofNullable(fromUrl).flatMap(this.sessions::find);
		}
		if (session.isEmpty()) {
			request.setAttribute("jakarta.servlet.error.status_code", HttpServletResponse.SC_UNAUTHORIZED);
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		request.setAttribute(CURRENT, session.get());
		request.setAttribute(TOKEN, fromUrl != null ? fromUrl : fromCookie);
		if (fromUrl != null) {
			request.setAttribute(TOKEN_FROM_URL, fromUrl);
		}
		response.setHeader("Cache-Control", "no-store");
		chain.doFilter(request, fromUrl == null ? response : new TokenInLinks(response, fromUrl));
	}

	/**
	 * A token in the URL counts only on the tool's own navigations and form posts. A link from
	 * another site, and one opened from outside any site (a mail or chat app: {@code none}),
	 * must not sign the browser in to someone else's session (session fixation). A client that
	 * sends no fetch metadata at all is not a browser that could be led there.
	 */
	static boolean acceptsTokenInUrl(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		return site == null || site.equals("same-origin");
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

		private static final java.util.regex.Pattern TOOL_PAGE = java.util.regex.Pattern.compile("/(?![/\\\\])");

		private final String token;

		TokenInLinks(HttpServletResponse response, String token) {
			super(response);
			this.token = token;
		}

		@Override
		public String encodeURL(String url) {
			// Only the tool's own pages get the token; never another site, an anchor or a static file.
			if (url == null || !TOOL_PAGE.matcher(url).lookingAt() || url.startsWith("/css/") || url.startsWith("/js/")
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
