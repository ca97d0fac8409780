package org.coachapproach.assessment.web;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

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
	String show(@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session, HttpServletResponse response,
			Model model) {
		Member member = session.member();
		if (!SurveyReportController.mayRead(member)) {
			return SurveyController.refused(member, "assessment.refused.notStaffGuide", response, model);
		}
		model.addAttribute("member", member);
		model.addAttribute("guides", this.curriculum.interviewGuides());
		model.addAttribute("render", this.content);
		return "assessment/interview-guide";
	}

}
