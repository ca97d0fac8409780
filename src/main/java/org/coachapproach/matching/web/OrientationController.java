package org.coachapproach.matching.web;

import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.ProgramMaterials;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
	String show(Member member, Model model) {
		if (!ProgramMaterials.mayReadMenteeOrientation(member)) {
			throw new RefusedException("materials.refused.orientation");
		}
		model.addAttribute("orientation", this.curriculum.materials().menteeOrientation());
		model.addAttribute("render", this.content);
		return "matching/orientation";
	}

}
