package org.coachapproach.progress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.progress.NotInACourseException;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Clear refusals for the delivery pages: no course in the session, or a post from another site. */
@ControllerAdvice
class ProgressAdvice {

	@ExceptionHandler(NotInACourseException.class)
	ModelAndView notInACourse(HttpServletRequest request, HttpServletResponse response) {
		return refused(request, response, "progress.refused.noCourse");
	}

	private static ModelAndView refused(HttpServletRequest request, HttpServletResponse response, String reason) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		ModelAndView page = new ModelAndView("progress/refused");
		page.addObject("reason", reason);
		if (request.getAttribute(AccessSessions.REQUEST_ATTRIBUTE) instanceof AccessSession session) {
			page.addObject("member", session.member());
		}
		return page;
	}

}
