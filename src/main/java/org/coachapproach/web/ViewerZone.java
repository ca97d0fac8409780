package org.coachapproach.web;

import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.people.AccessSession;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page has {@code viewerZone}: the zone its date-times are shown in, the person's own when
 * their launch sent one, else the program's ({@link ProgramClock#zoneFor}). Dates without a time
 * stay as they are.
 */
@ControllerAdvice
class ViewerZone {

	private final ProgramClock clock;

	ViewerZone(ProgramClock clock) {
		this.clock = clock;
	}

	@ModelAttribute("viewerZone")
	ZoneId viewerZone(HttpServletRequest request) {
		return this.clock.zoneFor(request.getAttribute(SessionFilter.CURRENT) instanceof AccessSession session
				? session.context() : null);
	}

}
