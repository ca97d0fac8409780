package org.coachapproach.lti.registration.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The platform connection of a program, for the institution administrators of its
 * registration: the registration and its deployments, and revoking a deployment or the whole
 * registration. Only their own registration: another platform's is not theirs to see or end.
 */
@Controller
class ProgramPlatformController {

	static final String PATH = "/program/platform";

	private final Registrations registrations;

	private final People people;

	private final AccessSessions sessions;

	ProgramPlatformController(Registrations registrations, People people, AccessSessions sessions) {
		this.registrations = registrations;
		this.people = people;
		this.sessions = sessions;
	}

	@GetMapping(PATH)
	String show(@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session,
			@RequestParam(name = "saved", required = false) String saved, Locale locale, HttpServletResponse response,
			Model model) {
		Member member = session.member();
		Optional<Registration> registration = registration(member);
		if (registration.isEmpty()) {
			return refused(member, response, model);
		}
		model.addAttribute("member", member);
		model.addAttribute("saved", saved != null);
		model.addAttribute("registration", registration.get());
		model.addAttribute("deployments", this.registrations.allDeployments(registration.get()));
		model.addAttribute("times", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(ZoneId.of("UTC")));
		return "lti/program-platform";
	}

	@PostMapping(PATH + "/deployments/{id}/revoke")
	String revokeDeployment(@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session,
			@PathVariable long id, HttpServletResponse response, Model model) {
		Member member = session.member();
		Optional<Registration> registration = registration(member);
		if (registration.isEmpty()) {
			return refused(member, response, model);
		}
		if (!this.registrations.revokeDeployment(registration.get(), id, member.person().value())) {
			// Another registration's deployment, or one already revoked: nothing of it is shown.
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("member", member);
			model.addAttribute("reason", "lti.programPlatform.unknownDeployment");
			return "lti/program-platform-refused";
		}
		return "redirect:" + PATH + "?saved";
	}

	@PostMapping(PATH + "/revoke")
	String revoke(@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session,
			@RequestParam(name = "confirm", required = false) String confirm, HttpServletResponse response, Model model) {
		Member member = session.member();
		Optional<Registration> registration = registration(member);
		if (registration.isEmpty()) {
			return refused(member, response, model);
		}
		if (!"revoke".equals(confirm)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("member", member);
			model.addAttribute("reason", "lti.programPlatform.notConfirmed");
			return "lti/program-platform-refused";
		}
		this.registrations.revoke(registration.get(), member.person().value());
		// Everyone who came through it is signed out now, this administrator too.
		this.sessions.endAll(member.program());
		return "redirect:/signed-out";
	}

	/** The registration of the member's program, when they are its institution administrator. */
	private Optional<Registration> registration(Member member) {
		if (!member.mayGrantProgramStaff()) {
			return Optional.empty();
		}
		return this.people.platform(member.program())
			.flatMap(platform -> this.registrations.find(platform.issuer(), platform.clientId()));
	}

	private static String refused(Member member, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("member", member);
		model.addAttribute("reason", "lti.programPlatform.notAdministrator");
		return "lti/program-platform-refused";
	}

}
