package org.coachapproach.progress.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.ProgramMaterials;
import org.coachapproach.curriculum.ProgramMaterials.Handout;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the sessions are run with: the facilitator guide of a session (instructors and staff)
 * and the printable handouts (mentors, instructors and staff): the session summary, made from
 * the session itself, and the handouts in {@code curriculum/handouts/}.
 */
@Controller
class SessionMaterialsController {

	private final Curriculum curriculum;

	private final ContentRenderer content;

	SessionMaterialsController(Curriculum curriculum, ContentRenderer content) {
		this.curriculum = curriculum;
		this.content = content;
	}

	@GetMapping("/sessions/{number}/facilitator")
	String facilitatorGuide(@PathVariable String number,
			@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session, HttpServletResponse response,
			Model model) {
		TrainingSession training = session(number);
		Member member = session.member();
		if (!ProgramMaterials.mayReadFacilitatorGuides(member)) {
			return refused(member, "materials.refused.facilitatorGuide", response, model);
		}
		model.addAttribute("member", member);
		model.addAttribute("training", training);
		model.addAttribute("guide", this.curriculum.materials().facilitatorGuide(training.id()).orElseThrow());
		model.addAttribute("exercises",
				training.exerciseIds().stream().map(id -> this.curriculum.exercise(id).orElseThrow()).toList());
		model.addAttribute("render", this.content);
		return "progress/facilitator-guide";
	}

	@GetMapping("/sessions/{number}/summary")
	String summary(@PathVariable String number,
			@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session, HttpServletResponse response,
			Model model) {
		TrainingSession training = session(number);
		Member member = session.member();
		if (!ProgramMaterials.mayReadHandouts(member)) {
			return refused(member, "materials.refused.handout", response, model);
		}
		model.addAttribute("member", member);
		model.addAttribute("training", training);
		model.addAttribute("competencies",
				training.competencyIds().stream().map(id -> this.curriculum.competency(id).orElseThrow()).toList());
		model.addAttribute("exercises",
				training.exerciseIds().stream().map(id -> this.curriculum.exercise(id).orElseThrow()).toList());
		model.addAttribute("handouts", this.curriculum.materials().handoutsFor(training.id()));
		model.addAttribute("render", this.content);
		return "progress/session-summary";
	}

	@GetMapping("/handouts/{id}")
	String handout(@PathVariable String id, @RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session,
			HttpServletResponse response, Model model) {
		Handout handout = this.curriculum.materials().handout(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Member member = session.member();
		if (!ProgramMaterials.mayReadHandouts(member)) {
			return refused(member, "materials.refused.handout", response, model);
		}
		model.addAttribute("member", member);
		model.addAttribute("handout", handout);
		model.addAttribute("sessions",
				handout.sessionIds().stream().map(s -> this.curriculum.session(s).orElseThrow()).toList());
		model.addAttribute("render", this.content);
		return "progress/handout";
	}

	private TrainingSession session(String number) {
		return Optional.of(number).filter(n -> n.matches("[0-9]{1,3}")).map(Integer::valueOf)
			.flatMap(this.curriculum::session)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String refused(Member member, String reason, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("member", member);
		model.addAttribute("reason", reason);
		return "progress/refused";
	}

}
