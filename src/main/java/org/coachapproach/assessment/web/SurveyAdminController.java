package org.coachapproach.assessment.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.assessment.AnswerProblem;
import org.coachapproach.assessment.AnswersRefusedException;
import org.coachapproach.assessment.InstrumentSettings;
import org.coachapproach.assessment.ResponseImports;
import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.assessment.SurveyWindow;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Instructors and staff schedule each survey's waves and choose its switches, per course. */
@Controller
class SurveyAdminController {

	private final Curriculum curriculum;

	private final SurveyAdministration administration;

	private final ResponseImports cohorts;

	SurveyAdminController(Curriculum curriculum, SurveyAdministration administration, ResponseImports cohorts) {
		this.curriculum = curriculum;
		this.administration = administration;
		this.cohorts = cohorts;
	}

	@GetMapping("/course/surveys")
	String show(@RequestParam(name = "saved", required = false) String saved, Member member, Model model) {
		if (!SurveyAdministration.mayAdminister(member)) {
			throw new RefusedException("assessment.refused.notAdmin");
		}
		model.addAttribute("saved", saved);
		return page(member, null, Map.of(), List.of(), model);
	}

	@PostMapping("/course/surveys/{instrumentId}")
	String save(@PathVariable String instrumentId, @RequestParam MultiValueMap<String, String> posted,
			Member member, HttpServletResponse response, Model model) {
		if (!SurveyAdministration.mayAdminister(member)) {
			throw new RefusedException("assessment.refused.notAdmin");
		}
		Optional<Instrument> found = this.curriculum.instrument(instrumentId);
		if (found.isEmpty()) {
			throw new RefusedException("assessment.refused.unknownSurvey");
		}
		Instrument instrument = found.get();
		List<AnswerProblem> problems = new ArrayList<>();
		Map<Wave, LocalDate[]> dates = new LinkedHashMap<>();
		for (Wave wave : instrument.allWaves()) {
			dates.put(wave, new LocalDate[] { date(posted, wave, "opens", problems), date(posted, wave, "closes", problems) });
		}
		// Completion credit tells the gradebook who responded: program staff decide it, not the course's teachers.
		boolean credit = member.isStaff() ? posted.containsKey("completionCredit")
				: this.administration.settings(member.course(), instrument.id()).completionCredit();
		InstrumentSettings settings = new InstrumentSettings(credit,
				instrument.retrospective() != null && posted.containsKey("retrospective"),
				instrument.optionalWaves().contains(Wave.FOLLOW_UP) && posted.containsKey("followUp"));
		try {
			if (!problems.isEmpty()) {
				throw new AnswersRefusedException(problems);
			}
			this.administration.change(member.course(), instrument, settings, dates);
		}
		catch (AnswersRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(member, instrumentId, posted.toSingleValueMap(), ex.problems(), model);
		}
		return "redirect:/course/surveys?saved=" + instrumentId;
	}

	/**
	 * Program staff name the course's own cohort for the comparison of cohorts over years (as
	 * they read the survey report, instructors do not); a bad label is refused and nothing saved.
	 */
	@PostMapping("/course/surveys/cohorts/label")
	String saveCohortLabel(@RequestParam(name = "label", required = false) String label, Member member,
			HttpServletResponse response, Model model) {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		String trimmed = label == null ? "" : label.strip();
		String problem = this.cohorts.ownCohortLabelProblem(member.course(), trimmed);
		if (problem != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("cohortLabelProblem", problem);
			model.addAttribute("cohortLabelPosted", label);
			return page(member, null, Map.of(), List.of(), model);
		}
		this.cohorts.setOwnCohortLabel(member.course(), trimmed);
		return "redirect:/course/surveys?saved=cohort-label";
	}

	private static LocalDate date(MultiValueMap<String, String> posted, Wave wave, String which,
			List<AnswerProblem> problems) {
		String value = posted.getFirst(wave.label() + "." + which);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add(new AnswerProblem(wave.label(), "windowDate"));
			return null;
		}
	}

	private String page(Member member, String refusedInstrument, Map<String, String> posted, List<AnswerProblem> problems,
			Model model) {
		CourseId course = member.course();
		List<SurveyWindow> windows = this.administration.windows(course);
		List<InstrumentForm> forms = new ArrayList<>();
		for (Instrument instrument : this.curriculum.instruments()) {
			boolean refused = instrument.id().equals(refusedInstrument);
			InstrumentSettings settings = this.administration.settings(course, instrument.id());
			List<WaveRow> waves = instrument.allWaves().stream().map(wave -> {
				Optional<SurveyWindow> window = windows.stream()
					.filter(w -> w.instrumentId().equals(instrument.id()) && w.wave() == wave)
					.findFirst();
				String opens = refused ? posted.get(wave.label() + ".opens")
						: window.map(w -> w.opensOn().toString()).orElse(null);
				String closes = refused ? posted.get(wave.label() + ".closes")
						: window.map(w -> w.closesOn().toString()).orElse(null);
				return new WaveRow(wave.label(), instrument.optionalWaves().contains(wave), opens, closes);
			}).toList();
			forms.add(new InstrumentForm(instrument, settings, waves, refused ? problems : List.of()));
		}
		model.addAttribute("forms", forms);
		model.addAttribute("today", this.administration.today().toString());
		if (member.isStaff() && !model.containsAttribute("cohortLabelPosted")) {
			model.addAttribute("cohortLabelPosted", this.cohorts.ownCohortLabel(course).orElse(""));
		}
		return "assessment/admin";
	}

	record InstrumentForm(Instrument instrument, InstrumentSettings settings, List<WaveRow> waves,
			List<AnswerProblem> problems) {

		public String audience() {
			return String.join(", ", this.instrument.audience().stream().map(Instrument.Audience::label).sorted().toList());
		}

	}

	record WaveRow(String wave, boolean optional, String opens, String closes) {
	}

}
