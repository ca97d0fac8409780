package org.coachapproach.assessment.web;

import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The evaluation's interview guides, for the program staff who run the interviews: printable,
 * and shown to staff only, like the survey report.
 */
@Controller
class InterviewGuideController {

	private final Curriculum curriculum;

	private final ContentRenderer content;

	InterviewGuideController(Curriculum curriculum, ContentRenderer content) {
		this.curriculum = curriculum;
		this.content = content;
	}

	@GetMapping("/course/surveys/interview-guide")
	String show(Member member, Model model) {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaffGuide");
		}
		model.addAttribute("guides", this.curriculum.interviewGuides());
		model.addAttribute("render", this.content);
		return "assessment/interview-guide";
	}

}
