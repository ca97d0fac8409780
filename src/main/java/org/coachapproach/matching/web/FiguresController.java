package org.coachapproach.matching.web;

import org.coachapproach.matching.Matching;
import org.coachapproach.matching.MeetingFigures;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff's meeting figures for the course, small cells suppressed, no notes. */
@Controller
class FiguresController {

	private final MeetingFigures figures;

	FiguresController(MeetingFigures figures) {
		this.figures = figures;
	}

	@GetMapping("/matching/figures")
	String show(Member member, Model model) {
		if (!Matching.mayMatch(member)) {
			throw new RefusedException("matching.refused.notStaff");
		}
		model.addAttribute("figures", this.figures.of(member));
		model.addAttribute("minCell", MeetingFigures.MIN_CELL);
		return "matching/figures";
	}

}
