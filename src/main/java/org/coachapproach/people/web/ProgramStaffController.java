package org.coachapproach.people.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramStaff;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Program staff by grant: institution administrators of the program's registration choose,
 * from the people of the program's courses, who else runs the program (the series schedule,
 * attendance, email). Granted staff cannot grant in turn.
 */
@Controller
class ProgramStaffController {

	private static final int CHANGES_SHOWN = 50;

	private final ProgramStaff staff;

	ProgramStaffController(ProgramStaff staff) {
		this.staff = staff;
	}

	@GetMapping("/program/staff")
	String show(Member member, @RequestParam(name = "saved", required = false) String saved, Locale locale,
			Model model) {
		requireGrantor(member);
		model.addAttribute("saved", saved != null);
		model.addAttribute("candidates", this.staff.candidates(member.program()));
		model.addAttribute("changes", this.staff.changes(member.program(), CHANGES_SHOWN));
		model.addAttribute("times", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(ZoneId.of("UTC")));
		return "people/program-staff";
	}

	@PostMapping("/program/staff/grant")
	String grant(Member member, @RequestParam(name = "person", required = false) Long person,
			HttpServletResponse response) {
		requireGrantor(member);
		if (person == null || !this.staff.grant(member.program(), new PersonId(person), member.person())) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "people/program-staff-unknown";
		}
		return "redirect:/program/staff?saved";
	}

	@PostMapping("/program/staff/revoke")
	String revoke(Member member, @RequestParam(name = "person", required = false) Long person) {
		requireGrantor(member);
		if (person != null) {
			this.staff.revoke(member.program(), new PersonId(person), member.person());
		}
		return "redirect:/program/staff?saved";
	}

	private static void requireGrantor(Member member) {
		if (!member.mayGrantProgramStaff()) {
			throw new RefusedException("people.programStaff.refused.text");
		}
	}

}
