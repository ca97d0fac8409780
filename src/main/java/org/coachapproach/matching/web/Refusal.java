package org.coachapproach.matching.web;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.people.Member;

import org.springframework.ui.Model;

/** The 403 page of the matching pages, saying why. */
final class Refusal {

	private Refusal() {
	}

	static String page(Member member, String reason, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("member", member);
		model.addAttribute("reason", reason);
		return "matching/refused";
	}

}
