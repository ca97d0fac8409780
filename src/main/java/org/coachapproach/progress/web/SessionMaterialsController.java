package org.coachapproach.progress.web;

import java.util.Optional;

import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.ProgramMaterials;
import org.coachapproach.curriculum.ProgramMaterials.Handout;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
	String facilitatorGuide(@PathVariable String number, Member member, Model model) {
		TrainingSession training = session(number);
		if (!ProgramMaterials.mayReadFacilitatorGuides(member)) {
			throw new RefusedException("materials.refused.facilitatorGuide");
		}
		model.addAttribute("training", training);
		model.addAttribute("guide", this.curriculum.materials().facilitatorGuide(training.id()).orElseThrow());
		model.addAttribute("exercises",
				training.exerciseIds().stream().map(id -> this.curriculum.exercise(id).orElseThrow()).toList());
		model.addAttribute("render", this.content);
		return "progress/facilitator-guide";
	}

	@GetMapping("/sessions/{number}/summary")
	String summary(@PathVariable String number, Member member, Model model) {
		TrainingSession training = session(number);
		if (!ProgramMaterials.mayReadHandouts(member)) {
			throw new RefusedException("materials.refused.handout");
		}
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
	String handout(@PathVariable String id, Member member, Model model) {
		Handout handout = this.curriculum.materials().handout(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!ProgramMaterials.mayReadHandouts(member)) {
			throw new RefusedException("materials.refused.handout");
		}
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

}
