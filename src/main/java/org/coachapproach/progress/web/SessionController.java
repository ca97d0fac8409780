package org.coachapproach.progress.web;

import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.CourseSettings;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.ProgramMaterials;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.people.Member;
import org.coachapproach.progress.Progress;
import org.coachapproach.progress.ProgramProgress;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** A training session: what it teaches, its agenda and content, and its exercises with their status. */
@Controller
class SessionController {

	private final Curriculum curriculum;

	private final ContentRenderer content;

	private final Progress progress;

	SessionController(Curriculum curriculum, ContentRenderer content, Progress progress) {
		this.curriculum = curriculum;
		this.content = content;
		this.progress = progress;
	}

	@GetMapping("/sessions/{number}")
	String show(@PathVariable String number, Member member, Model model) {
		TrainingSession training = parse(number).flatMap(this.curriculum::session)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ProgramProgress progress = this.progress.statusOf(member);
		model.addAttribute("training", training);
		model.addAttribute("render", this.content);
		model.addAttribute("status", progress.session(training.number()));
		model.addAttribute("progress", progress);
		model.addAttribute("body", this.content.html(training));
		model.addAttribute("competencies",
				training.competencyIds().stream().map(id -> this.curriculum.competency(id).orElseThrow()).toList());
		model.addAttribute("exercises",
				training.exerciseIds().stream().map(id -> this.curriculum.exercise(id).orElseThrow()).toList());
		model.addAttribute("previous", this.curriculum.session(training.number() - 1).orElse(null));
		model.addAttribute("next", this.curriculum.session(training.number() + 1).orElse(null));
		model.addAttribute("meetMentees", training.number() == this.curriculum.program().meetMenteesAfterSession());
		// Learners reach this page only once it is released (ReleaseGuard); instructors and staff see markers.
		model.addAttribute("configures", CourseSettings.mayConfigure(member));
		model.addAttribute("settings", progress.plan().session(training.id()));
		model.addAttribute("facilitates", ProgramMaterials.mayReadFacilitatorGuides(member));
		model.addAttribute("readsHandouts", ProgramMaterials.mayReadHandouts(member));
		model.addAttribute("handouts", this.curriculum.materials().handoutsFor(training.id()));
		return "progress/session";
	}

	private static java.util.Optional<Integer> parse(String number) {
		return number.matches("[0-9]{1,3}") ? java.util.Optional.of(Integer.valueOf(number)) : java.util.Optional.empty();
	}

}
