package org.coachapproach.progress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The clear page a learner gets for a session or exercise not yet released (or hidden). */
@ControllerAdvice
class ReleaseAdvice {

	@ExceptionHandler(ReleaseGuard.NotReleasedException.class)
	ModelAndView notReleased(ReleaseGuard.NotReleasedException ex, HttpServletRequest request,
			HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		ModelAndView page = new ModelAndView("progress/not-released");
		page.addObject("opensOn", ex.opensOn());
		if (request.getAttribute(AccessSessions.REQUEST_ATTRIBUTE) instanceof AccessSession session) {
			page.addObject("member", session.member());
		}
		return page;
	}

}
