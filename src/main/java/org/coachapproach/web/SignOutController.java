package org.coachapproach.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.people.AccessSessions;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Sign-out: ends the session in the database (so a copied token or URL stops working too) and
 * drops the cookie. The page after it is public: there is no session left to show it with.
 */
@Controller
class SignOutController {

	static final String SIGNED_OUT = "/signed-out";

	private final AccessSessions sessions;

	SignOutController(AccessSessions sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/sign-out")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		String token = (String) request.getAttribute(SessionFilter.TOKEN);
		if (token != null) {
			this.sessions.end(token);
		}
		response.addHeader(HttpHeaders.SET_COOKIE, AccessSessions.clearedCookie().toString());
		// Not through the response wrapper: the ended token must not follow into the next URL.
		return "redirect:" + SIGNED_OUT;
	}

	@GetMapping(SIGNED_OUT)
	String signedOut(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		return "web/signed-out";
	}

}
