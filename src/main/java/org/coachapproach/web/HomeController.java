package org.coachapproach.web;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.people.AccessSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/** The page a launch lands on: the program at a glance, for the person's role. */
@Controller
class HomeController {

	private final Curriculum curriculum;

	HomeController(Curriculum curriculum) {
		this.curriculum = curriculum;
	}

	@GetMapping("/")
	String home(@RequestAttribute(SessionFilter.CURRENT) AccessSession session, Model model) {
		model.addAttribute("member", session.member());
		model.addAttribute("launch", session.context());
		model.addAttribute("program", this.curriculum.program());
		model.addAttribute("sessions", this.curriculum.sessions());
		return "web/home";
	}

}
