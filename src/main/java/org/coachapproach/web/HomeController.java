package org.coachapproach.web;

import org.coachapproach.curriculum.CourseSettings;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.ProgramMaterials;
import org.coachapproach.matching.Mentoring;
import org.coachapproach.people.AccessSession;
import org.coachapproach.progress.Progress;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/**
 * The page a launch lands on: the seven sessions with this person's status, what is next,
 * and when meeting the mentee begins. Kept to one progress query: every launch opens it.
 */
@Controller
class HomeController {

	private final Curriculum curriculum;

	private final Progress progress;

	private final Mentoring mentoring;

	HomeController(Curriculum curriculum, Progress progress, Mentoring mentoring) {
		this.curriculum = curriculum;
		this.progress = progress;
		this.mentoring = mentoring;
	}

	@GetMapping("/")
	String home(@RequestAttribute(SessionFilter.CURRENT) AccessSession session, Model model) {
		model.addAttribute("launch", session.context());
		model.addAttribute("program", this.curriculum.program());
		model.addAttribute("progress", this.progress.statusOf(session.member()));
		model.addAttribute("configures", CourseSettings.mayConfigure(session.member()));
		model.addAttribute("mentoring", this.mentoring.home(session.member()));
		model.addAttribute("readsOrientation", ProgramMaterials.mayReadMenteeOrientation(session.member()));
		return "web/home";
	}

}
