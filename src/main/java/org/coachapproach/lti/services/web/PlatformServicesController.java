package org.coachapproach.lti.services.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.lti.services.CourseService;
import org.coachapproach.lti.services.CourseServices;
import org.coachapproach.lti.services.RosterSyncQueue;
import org.coachapproach.lti.services.ScoreOutbox;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The course's connection to its platform, for those who run the course: which services the
 * platform offers, the roster sync (with a button to sync now), and scores that have not reached
 * the gradebook, with the platform's answer for those it refused.
 */
@Controller
class PlatformServicesController {

	private static final int LIST_LIMIT = 200;

	private final CourseServices services;

	private final RosterSyncQueue rosterSync;

	private final ScoreOutbox outbox;

	private final People people;

	private final Registrations registrations;

	PlatformServicesController(CourseServices services, RosterSyncQueue rosterSync, ScoreOutbox outbox, People people,
			Registrations registrations) {
		this.services = services;
		this.rosterSync = rosterSync;
		this.outbox = outbox;
		this.people = people;
		this.registrations = registrations;
	}

	@GetMapping("/course/platform")
	String show(@RequestParam(name = "done", required = false) String done,
			Member member, Model model) {
		requireManager(member);
		return page(member, done, model);
	}

	@PostMapping("/course/platform/roster")
	String syncRoster(Member member) {
		requireManager(member);
		if (this.services.find(member.course())
			.filter(CourseService::hasRoster)
			.filter(service -> grants(service, CourseService.ROSTER_SCOPE))
			.isEmpty()) {
			// Nothing to queue: the page says the platform offers no roster service here, or did not grant it.
			return "redirect:/course/platform";
		}
		this.rosterSync.request(member.course());
		return "redirect:/course/platform?done=roster";
	}

	@PostMapping("/course/platform/scores/retry")
	String retryScores(Member member) {
		requireManager(member);
		this.outbox.retryFailed(member.course());
		return "redirect:/course/platform?done=retry";
	}

	private String page(Member member, String done, Model model) {
		CourseService service = this.services.find(member.course()).orElse(null);
		List<ScoreOutbox.Entry> undelivered = this.outbox.undelivered(member.course(), LIST_LIMIT);
		Map<PersonId, String> names = this.people
			.names(undelivered.stream().map(ScoreOutbox.Entry::person).collect(Collectors.toSet()));
		model.addAttribute("service", service);
		model.addAttribute("rosterGranted", service != null && grants(service, CourseService.ROSTER_SCOPE));
		model.addAttribute("scoresGranted", service != null && grants(service, CourseService.SCORE_SCOPE));
		model.addAttribute("counts", this.outbox.counts(member.course()));
		model.addAttribute("undelivered", undelivered);
		model.addAttribute("names", names);
		model.addAttribute("done", done);
		model.addAttribute("rosterSync", this.rosterSync.state(member.course()).orElse(null));
		return "lti/platform";
	}

	/**
	 * Whether the course's registration holds the scope: a platform may narrow the grant at
	 * Dynamic Registration, and then every call for the scope would be refused.
	 */
	private boolean grants(CourseService service, String scope) {
		return this.registrations.findById(service.registrationId()).map(r -> r.grants(scope)).orElse(false);
	}

	private static void requireManager(Member member) {
		if (member.course() == null || !(member.isInstructor() || member.isStaff())) {
			throw new RefusedException("lti.platform.refused");
		}
	}

}
