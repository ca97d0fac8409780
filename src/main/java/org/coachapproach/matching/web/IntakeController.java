package org.coachapproach.matching.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.IntakeForms;
import org.coachapproach.matching.IntakeAnswers;
import org.coachapproach.matching.Intakes;
import org.coachapproach.matching.Matching;
import org.coachapproach.matching.InvalidIntakeException;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.coachapproach.people.ProgramRole;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A mentor's or mentee's own matching questionnaire, and staff's read-only view of one. */
@Controller
class IntakeController {

	private final Intakes intakes;

	private final IntakeForms forms;

	private final People people;

	IntakeController(Intakes intakes, IntakeForms forms, People people) {
		this.intakes = intakes;
		this.forms = forms;
		this.people = people;
	}

	@GetMapping("/matching/intake")
	String show(@RequestParam(name = "saved", required = false) String saved, Member member, Model model) {
		IntakeForms.Form form = this.intakes.formFor(member).orElse(null);
		if (form == null) {
			throw new RefusedException("matching.refused.notInProgram");
		}
		IntakeAnswers answers = this.intakes.of(member.course(), member.person())
			.orElse(new IntakeAnswers(Map.of(), Map.of(), null));
		model.addAttribute("saved", saved != null);
		return page(form, answers, answers.capacity() == null ? "" : answers.capacity().toString(), List.of(), model);
	}

	@PostMapping("/matching/intake")
	String save(@RequestParam MultiValueMap<String, String> posted, Member member, HttpServletResponse response,
			Model model) {
		IntakeForms.Form form = this.intakes.formFor(member).orElse(null);
		if (form == null) {
			throw new RefusedException("matching.refused.notInProgram");
		}
		IntakeAnswers answers = answers(posted);
		String capacity = posted.getFirst("capacity") == null ? "" : posted.getFirst("capacity").strip();
		try {
			if (form.capacityQuestion() != null && !capacity.isEmpty() && !capacity.matches("-?\\d{1,9}")) {
				throw new InvalidIntakeException(List.of(new InvalidIntakeException.Problem("capacityRange", null, capacity)));
			}
			this.intakes.save(member, new IntakeAnswers(answers.answers(), answers.preferences(),
					capacity.isEmpty() || form.capacityQuestion() == null ? null : Integer.valueOf(capacity)));
		}
		catch (InvalidIntakeException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("saved", false);
			return page(form, answers, capacity, ex.problems(), model);
		}
		return "redirect:/matching/intake?saved";
	}

	/** Staff doing the matching read a person's answers, free text included. */
	@GetMapping("/matching/intakes/{person}")
	String staffView(@PathVariable long person, Member member, Model model) {
		if (!Matching.mayMatch(member)) {
			throw new RefusedException("matching.refused.notStaff");
		}
		Intakes.Submitted submitted = this.intakes.all(member.course())
			.stream()
			.filter(s -> s.person().value() == person)
			.findFirst()
			.orElseThrow(() -> RefusedException.notFound("matching.refused.noIntake"));
		model.addAttribute("name", this.people.names(List.of(submitted.person())).getOrDefault(submitted.person(), "#" + person));
		model.addAttribute("submitted", submitted);
		model.addAttribute("form", submitted.role() == ProgramRole.MENTOR ? this.forms.mentor() : this.forms.mentee());
		model.addAttribute("criteria", this.forms);
		return "matching/answers";
	}

	private String page(IntakeForms.Form form, IntakeAnswers answers, String capacity,
			List<InvalidIntakeException.Problem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("criteria", this.forms);
		model.addAttribute("answers", answers);
		model.addAttribute("capacity", capacity);
		model.addAttribute("maxCapacity", IntakeForms.MAX_CAPACITY);
		model.addAttribute("problems", problems);
		return "matching/intake";
	}

	/** Fields {@code <criterion>.options}, {@code .other}, {@code .direction}, {@code .required}. */
	static IntakeAnswers answers(MultiValueMap<String, String> posted) {
		Map<String, IntakeAnswers.Answer> answers = new LinkedHashMap<>();
		Map<String, IntakeAnswers.Wish> wishes = new LinkedHashMap<>();
		for (String criterion : IntakeForms.CRITERIA) {
			List<String> options = posted.getOrDefault(criterion + ".options", List.of());
			answers.put(criterion, new IntakeAnswers.Answer(options, posted.getFirst(criterion + ".other")));
			String direction = posted.getFirst(criterion + ".direction");
			wishes.put(criterion, new IntakeAnswers.Wish(direction == null ? "none" : direction,
					posted.containsKey(criterion + ".required")));
		}
		return new IntakeAnswers(answers, wishes, null);
	}

}
