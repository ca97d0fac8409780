package org.coachapproach.curriculum.web;

import org.coachapproach.curriculum.Competency;
import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** An ICF competency module: what it is, how it looks in a mentoring conversation, where it is practised. */
@Controller
class CompetencyController {

	private final Curriculum curriculum;

	private final ContentRenderer content;

	CompetencyController(Curriculum curriculum, ContentRenderer content) {
		this.curriculum = curriculum;
		this.content = content;
	}

	@GetMapping("/competencies/{id}")
	String show(@PathVariable String id, Member member, Model model) {
		if (member.course() == null) {
			// Like the other delivery pages: the program is taught per course.
			throw new RefusedException("curriculum.refused.noCourse");
		}
		Competency competency = this.curriculum.competency(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("competency", competency);
		model.addAttribute("render", this.content);
		model.addAttribute("domain", this.curriculum.domains()
			.stream()
			.filter(d -> d.id().equals(competency.domainId()))
			.findFirst()
			.orElse(null));
		model.addAttribute("sessions", this.curriculum.sessionsPractising(id));
		model.addAttribute("exercises", this.curriculum.exercises()
			.stream()
			.filter(e -> e.competencyIds().contains(id))
			.toList());
		return "curriculum/competency";
	}

}
