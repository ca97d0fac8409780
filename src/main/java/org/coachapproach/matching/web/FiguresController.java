package org.coachapproach.matching.web;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.matching.Matching;
import org.coachapproach.matching.MeetingFigures;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/** Staff's meeting figures for the course, small cells suppressed, no notes. */
@Controller
class FiguresController {

	private final MeetingFigures figures;

	FiguresController(MeetingFigures figures) {
		this.figures = figures;
	}

	@GetMapping("/matching/figures")
	String show(@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session, HttpServletResponse response,
			Model model) {
		Member member = session.member();
		if (!Matching.mayMatch(member)) {
			return Refusal.page(member, "matching.refused.notStaff", response, model);
		}
		model.addAttribute("member", member);
		model.addAttribute("figures", this.figures.of(member));
		model.addAttribute("minCell", MeetingFigures.MIN_CELL);
		return "matching/figures";
	}

}
