package org.coachapproach.outreach.web;

import org.coachapproach.outreach.FeedTokens;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A person's own calendar subscription address, and resetting it (the series' feeds share the token). */
@Controller
class CalendarController {

	private final FeedTokens tokens;

	CalendarController(FeedTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/calendar")
	String show(Member member, @RequestParam(name = "reset", required = false) String reset, Model model) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/feeds/"
				+ this.tokens.tokenFor(member.program(), member.person());
		model.addAttribute("mine", base + "/mine.ics");
		model.addAttribute("reset", reset != null);
		return "outreach/calendar";
	}

	@PostMapping("/calendar/reset")
	String reset(Member member) {
		this.tokens.reset(member.program(), member.person());
		return "redirect:/calendar?reset";
	}

}
