package org.coachapproach.matching.web;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.ProgramMaterials;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/** The mentees' orientation: what a coach-approach mentoring relationship is and how to use the meeting log. */
@Controller
class OrientationController {

	private final Curriculum curriculum;

	private final ContentRenderer content;

	OrientationController(Curriculum curriculum, ContentRenderer content) {
		this.curriculum = curriculum;
		this.content = content;
	}

	@GetMapping("/matching/orientation")
	String show(@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session, HttpServletResponse response,
			Model model) {
		Member member = session.member();
		if (!ProgramMaterials.mayReadMenteeOrientation(member)) {
			return Refusal.page(member, "materials.refused.orientation", response, model);
		}
		model.addAttribute("member", member);
		model.addAttribute("orientation", this.curriculum.materials().menteeOrientation());
		model.addAttribute("render", this.content);
		return "matching/orientation";
	}

}
