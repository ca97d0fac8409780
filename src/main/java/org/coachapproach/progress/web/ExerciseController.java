package org.coachapproach.progress.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.ContentRenderer;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Exercise;
import org.coachapproach.progress.NotInACourseException;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;
import org.coachapproach.progress.CompetencyRatings;
import org.coachapproach.progress.ObserverChecklists;
import org.coachapproach.progress.RatingRefusedException;
import org.coachapproach.progress.Reflection;
import org.coachapproach.progress.ReflectionSubmittedException;
import org.coachapproach.progress.ReflectionTooLongException;
import org.coachapproach.progress.Reflections;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * An exercise: its instructions, the triad roles and observer checklist, and the person's
 * reflection, saved as they type and revisable until submitted.
 */
@Controller
class ExerciseController {

	/** UTC on the server; the page's script shows it in the reader's own time zone. */
	private static final java.time.format.DateTimeFormatter SUBMITTED_AT = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(java.time.ZoneOffset.UTC);

	private final Curriculum curriculum;

	private final ContentRenderer content;

	private final Reflections reflections;

	private final ObserverChecklists checklists;

	private final CompetencyRatings ratings;

	private final MessageSource messages;

	ExerciseController(Curriculum curriculum, ContentRenderer content, Reflections reflections,
			ObserverChecklists checklists, CompetencyRatings ratings, MessageSource messages) {
		this.curriculum = curriculum;
		this.ratings = ratings;
		this.content = content;
		this.reflections = reflections;
		this.checklists = checklists;
		this.messages = messages;
	}

	@GetMapping("/exercises/{id}")
	String show(@PathVariable String id, Member member, Model model) {
		Exercise exercise = exercise(id, member);
		return page(exercise, member, this.reflections.find(member, id), null, model);
	}

	/** The editor's autosave: answers JSON, since the page's script reads it. */
	@PostMapping("/exercises/{id}/reflection/draft")
	@ResponseBody
	ResponseEntity<Map<String, Object>> saveDraft(@PathVariable String id,
			@RequestParam(name = "text", required = false) String text, Member member, HttpServletRequest request,
			Locale locale) {
		exercise(id, member);
		try {
			Reflection saved = this.reflections.saveDraft(member, id, text);
			return ResponseEntity.ok(Map.of("status", "saved", "updatedAt", saved.updatedAtMillis()));
		}
		catch (ReflectionTooLongException ex) {
			return ResponseEntity.badRequest().body(Map.of("status", "too-long", "message", tooLong(locale)));
		}
		catch (ReflectionSubmittedException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("status", "submitted"));
		}
	}

	@PostMapping("/exercises/{id}/reflection/submit")
	String submit(@PathVariable String id, @RequestParam(name = "text", required = false) String text,
			Member member, HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
		Exercise exercise = exercise(id, member);
		try {
			this.reflections.submit(member, id, text);
		}
		catch (ReflectionTooLongException ex) {
			// Nothing stored; the page comes back with the text, so nothing typed is lost either.
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Reflection current = this.reflections.find(member, id);
			return page(exercise, member, current, text, model);
		}
		return "redirect:/exercises/" + id;
	}

	@PostMapping("/exercises/{id}/checklist")
	String saveChecklist(@PathVariable String id, @RequestParam(name = "colleague", required = false) String colleague,
			@RequestParam(name = "item", required = false) Set<Integer> items,
			@RequestParam(name = "notes", required = false) String notes, Member member, HttpServletRequest request) {
		Exercise exercise = exercise(id, member);
		if (exercise.observerChecklist().isEmpty() || colleague == null || colleague.isBlank()
				|| colleague.strip().length() > ObserverChecklists.MAX_COLLEAGUE_LENGTH
				|| (notes != null && notes.length() > ObserverChecklists.MAX_NOTES_LENGTH)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		this.checklists.save(member, id, colleague, items == null ? Set.of() : items, notes);
		return "redirect:/exercises/" + id + "#checklists";
	}

	/**
	 * An observer's ratings of a colleague on every competency (the capstone): form fields
	 * {@code colleague} (a person id) and {@code rating-<competency id>} (0 to 3). A refusal
	 * stores nothing and shows the page again with the reason.
	 */
	@PostMapping("/exercises/{id}/ratings")
	String rate(@PathVariable String id, @RequestParam Map<String, String> form, Member member,
			HttpServletResponse response, Model model) {
		Exercise exercise = exercise(id, member);
		if (!exercise.competencyRatings()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Map<String, Integer> given = new java.util.HashMap<>();
		exercise.competencyIds().forEach(c -> {
			Integer value = number(form.get("rating-" + c));
			if (value != null) {
				given.put(c, value);
			}
		});
		Integer colleague = number(form.get("colleague"));
		try {
			this.ratings.rate(member, id, colleague == null ? null : new PersonId(colleague), given);
		}
		catch (RatingRefusedException ex) {
			response.setStatus("already-rated".equals(ex.reason()) ? HttpServletResponse.SC_CONFLICT
					: "not-a-mentor".equals(ex.reason()) ? HttpServletResponse.SC_FORBIDDEN
							: HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("ratingProblem", ex.reason());
			return page(exercise, member, this.reflections.find(member, id), null, model);
		}
		return "redirect:/exercises/" + id + "?rated#ratings";
	}

	private static Integer number(String value) {
		if (value == null || !value.matches("\\d{1,9}")) {
			return null;
		}
		return Integer.valueOf(value);
	}

	private String page(Exercise exercise, Member member, Reflection reflection, String rejectedText, Model model) {
		if (exercise.competencyRatings()) {
			model.addAttribute("ratingCompetencies", this.curriculum.competencies());
			model.addAttribute("mayRate", this.ratings.mayRate(member));
			model.addAttribute("colleaguesToRate", this.ratings.colleaguesToRate(member, exercise.id()));
			model.addAttribute("colleaguesRated", this.ratings.colleaguesRated(member, exercise.id()));
			model.addAttribute("ratingPoints", java.util.stream.IntStream
				.rangeClosed(CompetencyRatings.NOT_OBSERVED, CompetencyRatings.HIGHEST).boxed().toList());
		}
		model.addAttribute("exercise", exercise);
		model.addAttribute("render", this.content);
		model.addAttribute("instructions", this.content.html(exercise));
		model.addAttribute("reflection", reflection);
		model.addAttribute("text", rejectedText != null ? rejectedText : reflection.draft());
		model.addAttribute("tooLong", rejectedText != null);
		model.addAttribute("submittedAt", reflection.isSubmitted() ? SUBMITTED_AT.format(reflection.submittedAt()) : null);
		model.addAttribute("maxLength", Reflections.MAX_LENGTH);
		model.addAttribute("checklists", exercise.observerChecklist().isEmpty() ? List.of()
				: this.checklists.of(member, exercise.id()));
		model.addAttribute("sessions", this.curriculum.sessions()
			.stream()
			.filter(s -> s.exerciseIds().contains(exercise.id()))
			.toList());
		model.addAttribute("storageKey", "coachapproach.reflection." + member.person().value() + "."
				+ member.course().value() + "." + exercise.id());
		return "progress/exercise";
	}

	/** The exercise, for a person signed in to a course (progress is kept per course). */
	private Exercise exercise(String id, Member member) {
		if (member.course() == null) {
			throw new NotInACourseException();
		}
		return this.curriculum.exercise(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String tooLong(Locale locale) {
		return this.messages.getMessage("progress.reflection.tooLong", new Object[] { Reflections.MAX_LENGTH }, locale);
	}

}
