package org.coachapproach.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.CsvDownload;
import org.coachapproach.SpreadsheetCsv;
import org.coachapproach.assessment.AnswerProblem;
import org.coachapproach.assessment.AnswersRefusedException;
import org.coachapproach.assessment.InstrumentSettings;
import org.coachapproach.assessment.OwnResponse;
import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.assessment.SurveyResponses;
import org.coachapproach.assessment.SurveyWindow;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A respondent's surveys: which are open, the survey form (draft, then submit), and their own
 * answers to see and download. Nobody else's answers are reachable from here.
 */
@Controller
class SurveyController {

	static final String ANSWER_PREFIX = "a.";

	private final Curriculum curriculum;

	private final SurveyAdministration administration;

	private final SurveyResponses responses;

	SurveyController(Curriculum curriculum, SurveyAdministration administration, SurveyResponses responses) {
		this.curriculum = curriculum;
		this.administration = administration;
		this.responses = responses;
	}

	@GetMapping("/surveys")
	String list(@RequestParam(name = "saved", required = false) String saved, Member member, Model model) {
		if (member.course() == null) {
			throw new RefusedException("assessment.refused.noCourse");
		}
		List<SurveyRow> rows = new ArrayList<>();
		if (member.programRole() != null) {
			Map<String, OwnResponse> mine = new LinkedHashMap<>();
			this.responses.mine(member).forEach(r -> mine.put(r.instrumentId() + "/" + r.wave().label(), r));
			List<SurveyWindow> windows = this.administration.windows(member.course());
			for (Instrument instrument : this.curriculum.instruments()) {
				if (!instrument.asks(member.programRole())) {
					continue;
				}
				for (Wave wave : instrument.allWaves()) {
					if (!this.administration.runs(member.course(), instrument, wave)) {
						continue;
					}
					Optional<SurveyWindow> window = windows.stream()
						.filter(w -> w.instrumentId().equals(instrument.id()) && w.wave() == wave)
						.findFirst();
					OwnResponse own = mine.get(instrument.id() + "/" + wave.label());
					String status = own == null ? "notStarted" : own.submitted() ? "submitted" : "draft";
					boolean open = window.map(w -> w.isOpenOn(this.administration.today())).orElse(false);
					rows.add(new SurveyRow(instrument.id(), instrument.title(), wave.label(), window.orElse(null), status,
							open));
				}
			}
		}
		model.addAttribute("rows", rows);
		model.addAttribute("saved", saved);
		return "assessment/surveys";
	}

	@GetMapping("/surveys/{instrumentId}/{waveLabel}")
	String form(@PathVariable String instrumentId, @PathVariable String waveLabel, Member member, Model model) {
		Optional<Instrument> instrument = this.curriculum.instrument(instrumentId);
		Optional<Wave> wave = Wave.fromLabel(waveLabel);
		if (member.course() == null || instrument.isEmpty() || wave.isEmpty()) {
			throw new RefusedException("assessment.refused.unknownSurvey");
		}
		Optional<OwnResponse> own = this.responses.own(member, instrumentId, wave.get());
		boolean submitted = own.map(OwnResponse::submitted).orElse(false);
		if (!submitted && !this.responses.mayAnswer(member, instrument.get(), wave.get())) {
			throw new RefusedException("assessment.refused.notOpen");
		}
		return page(member, instrument.get(), wave.get(), own.map(OwnResponse::answers).orElse(Map.of()), submitted,
				List.of(), model);
	}

	@PostMapping("/surveys/{instrumentId}/{waveLabel}")
	String save(@PathVariable String instrumentId, @PathVariable String waveLabel,
			@RequestParam MultiValueMap<String, String> posted, Member member, HttpServletResponse response,
			Model model) {
		Optional<Instrument> instrument = this.curriculum.instrument(instrumentId);
		Optional<Wave> wave = Wave.fromLabel(waveLabel);
		if (member.course() == null || instrument.isEmpty() || wave.isEmpty()) {
			throw new RefusedException("assessment.refused.unknownSurvey");
		}
		boolean submit = "submit".equals(posted.getFirst("action"));
		Map<String, String> answers = answers(posted);
		try {
			this.responses.save(member, instrument.get(), wave.get(), answers, submit);
		}
		catch (AnswersRefusedException ex) {
			if (ex.problems().stream().anyMatch(p -> p.code().equals("closed"))) {
				throw new RefusedException("assessment.refused.notOpen");
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			boolean submitted = this.responses.own(member, instrumentId, wave.get()).map(OwnResponse::submitted)
				.orElse(false);
			return page(member, instrument.get(), wave.get(), answers, submitted, ex.problems(), model);
		}
		return "redirect:/surveys?saved=" + (submit ? "submitted" : "draft");
	}

	@GetMapping("/surveys/mine")
	String mine(Member member, Model model) {
		if (member.course() == null) {
			throw new RefusedException("assessment.refused.noCourse");
		}
		model.addAttribute("answers", ownAnswers(member));
		return "assessment/mine";
	}

	@GetMapping("/surveys/mine.csv")
	ResponseEntity<byte[]> mineCsv(Member member) {
		if (member.course() == null) {
			throw new RefusedException("assessment.refused.noCourse");
		}
		StringBuilder csv = new StringBuilder(SpreadsheetCsv.line(List.of("instrument", "wave", "status", "item", "question", "answer")));
		ownAnswers(member).forEach(a -> csv.append(SpreadsheetCsv.line(List.of(a.instrumentId(), a.wave(), a.status(), a.item(),
				a.question(), a.answer()))));
		return CsvDownload.of("my-survey-answers.csv", csv);
	}

	@GetMapping(path = "/surveys/mine.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<List<OwnAnswer>> mineJson(Member member) {
		if (member.course() == null) {
			throw new RefusedException("assessment.refused.noCourse");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"my-survey-answers.json\"")
			.body(ownAnswers(member));
	}

	/** One of the member's own answers, with the question and the label of the chosen value. */
	record OwnAnswer(String instrumentId, String instrument, String wave, String status, String item, String question,
			String answer) {
	}

	private List<OwnAnswer> ownAnswers(Member member) {
		List<OwnAnswer> rows = new ArrayList<>();
		for (OwnResponse own : this.responses.mine(member)) {
			Optional<Instrument> instrument = this.curriculum.instrument(own.instrumentId());
			Map<String, Item> asked = instrument.map(i -> SurveyResponses.asked(i, own.wave(), true)).orElse(Map.of());
			own.answers().entrySet().stream()
				.sorted(Map.Entry.comparingByKey(order(asked)))
				.forEach(answer -> {
					Item item = asked.get(answer.getKey());
					rows.add(new OwnAnswer(own.instrumentId(), instrument.map(Instrument::title).orElse(own.instrumentId()),
							own.wave().label(), own.submitted() ? "submitted" : "draft", answer.getKey(),
							item == null ? null : item.text(), label(item, answer.getValue())));
				});
		}
		return rows;
	}

	private static java.util.Comparator<String> order(Map<String, Item> asked) {
		List<String> keys = new ArrayList<>(asked.keySet());
		return java.util.Comparator.comparingInt((String key) -> keys.indexOf(key) < 0 ? Integer.MAX_VALUE : keys.indexOf(key))
			.thenComparing(key -> key);
	}

	static String label(Item item, String value) {
		if (item == null) {
			return value;
		}
		return switch (item.type()) {
			case SCALE -> value + " (" + item.scale().label(Integer.parseInt(value)) + ")";
			case CHOICE -> item.option(value).map(Instrument.Option::label).orElse(value);
			case TEXT -> value;
		};
	}

	private String page(Member member, Instrument instrument, Wave wave, Map<String, String> answers, boolean submitted,
			List<AnswerProblem> problems, Model model) {
		InstrumentSettings settings = this.administration.settings(member.course(), instrument.id());
		Map<String, Item> asked = SurveyResponses.asked(instrument, wave, settings.retrospective());
		List<SectionView> sections = new ArrayList<>();
		for (Instrument.Section section : instrument.sections()) {
			List<Question> questions = section.items().stream().filter(i -> i.askedIn(wave))
				.map(i -> Question.of(i.id(), i, answers.get(i.id()), problems))
				.toList();
			if (!questions.isEmpty()) {
				sections.add(new SectionView(section.id(), section.title(), section.stem(), null, questions));
			}
		}
		List<Question> then = asked.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue().id()))
			.map(e -> Question.of(e.getKey(), e.getValue(), answers.get(e.getKey()), problems))
			.toList();
		if (!then.isEmpty()) {
			sections.add(new SectionView("retrospective", null, null, instrument.retrospective().prompt(), then));
		}
		model.addAttribute("instrument", instrument);
		model.addAttribute("wave", wave.label());
		model.addAttribute("sections", sections);
		model.addAttribute("submitted", submitted);
		model.addAttribute("credit", settings.completionCredit());
		model.addAttribute("problems", problems.stream()
			.map(p -> new ProblemView(p.code(), asked.containsKey(p.item()) ? asked.get(p.item()).text() : p.item(),
					asked.containsKey(p.item()) ? "q-" + p.item() : null))
			.toList());
		return "assessment/survey";
	}

	/** A section of the form; {@code stem} is the question its items answer, shown in the group's legend. */
	record SectionView(String id, String title, String stem, String prompt, List<Question> questions) {
	}

	/** One question on the form: its input name, current value and any problem with it. */
	record Question(String key, Item item, String value, String problem, List<Choice> choices) {

		static Question of(String key, Item item, String value, List<AnswerProblem> problems) {
			String problem = problems.stream().filter(p -> p.item().equals(key)).map(AnswerProblem::code).findFirst()
				.orElse(null);
			List<Choice> choices = switch (item.type()) {
				case SCALE -> java.util.stream.IntStream.rangeClosed(1, item.scale().points())
					.mapToObj(v -> new Choice(String.valueOf(v), v + " " + item.scale().label(v)))
					.toList();
				case CHOICE -> item.options().stream().map(o -> new Choice(o.value(), o.label())).toList();
				case TEXT -> List.of();
			};
			return new Question(key, item, value, problem, choices);
		}

		public String name() {
			return ANSWER_PREFIX + this.key;
		}

		public String id() {
			return "q-" + this.key;
		}

	}

	record Choice(String value, String label) {
	}

	record ProblemView(String code, String question, String anchor) {
	}

	record SurveyRow(String instrumentId, String title, String wave, SurveyWindow window, String status, boolean open) {
	}

	static Map<String, String> answers(MultiValueMap<String, String> posted) {
		Map<String, String> answers = new LinkedHashMap<>();
		posted.forEach((name, values) -> {
			if (name.startsWith(ANSWER_PREFIX) && !values.isEmpty()) {
				answers.put(name.substring(ANSWER_PREFIX.length()), values.get(0));
			}
		});
		return answers;
	}

}
