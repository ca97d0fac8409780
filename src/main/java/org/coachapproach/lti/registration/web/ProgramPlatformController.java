package org.coachapproach.lti.registration.web;

import java.util.Optional;

import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.coachapproach.people.RefusedException;

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

	private final ProgramClock clock;

	ProgramPlatformController(Registrations registrations, People people, AccessSessions sessions,
			ProgramClock clock) {
		this.registrations = registrations;
		this.people = people;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String show(Member member, @RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session,
			@RequestParam(name = "saved", required = false) String saved, Model model) {
		Registration registration = registration(member);
		model.addAttribute("saved", saved != null);
		model.addAttribute("registration", registration);
		model.addAttribute("deployments", this.registrations.allDeployments(registration));
		model.addAttribute("scopesKnown", registration.grantedScopes() != null);
		model.addAttribute("services", Registration.SCOPES.stream()
			.map(scope -> new Service(scope.substring(scope.lastIndexOf('/') + 1), registration.grants(scope)))
			.toList());
		// In the person's time zone when the platform sent one, else the program's, named on the
		// page; the launch's locale formats them.
		model.addAttribute("zone", this.clock.zoneFor(session.context()));
		return "lti/program-platform";
	}

	@PostMapping(PATH + "/deployments/{id}/revoke")
	String revokeDeployment(Member member, @PathVariable long id) {
		if (!this.registrations.revokeDeployment(registration(member), id, member.person().value())) {
			// Another registration's deployment, or one already revoked: nothing of it is shown.
			throw RefusedException.notFound("lti.programPlatform.unknownDeployment");
		}
		return "redirect:" + PATH + "?saved";
	}

	@PostMapping(PATH + "/revoke")
	String revoke(Member member, @RequestParam(name = "confirm", required = false) String confirm) {
		Registration registration = registration(member);
		if (!"revoke".equals(confirm)) {
			throw RefusedException.badRequest("lti.programPlatform.notConfirmed");
		}
		this.registrations.revoke(registration, member.person().value());
		// Everyone who came through it is signed out now, this administrator too.
		this.sessions.endAll(member.program());
		return "redirect:/signed-out";
	}

	/** A service scope the tool asks for, by its last path segment (the message key), and whether it was granted. */
	record Service(String name, boolean granted) {
	}

	/** The registration of the member's program; refused unless they are its institution administrator. */
	private Registration registration(Member member) {
		Optional<Registration> registration = member.mayGrantProgramStaff()
				? this.people.platform(member.program())
					.flatMap(platform -> this.registrations.find(platform.issuer(), platform.clientId()))
				: Optional.empty();
		return registration.orElseThrow(() -> new RefusedException("lti.programPlatform.notAdministrator"));
	}

}
