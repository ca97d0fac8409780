package org.coachapproach.assessment.web;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.DelimitedTable;
import org.coachapproach.LineProblem;
import org.coachapproach.assessment.ResponseImports;
import org.coachapproach.assessment.ResponseImports.ImportRefusedException;
import org.coachapproach.assessment.ResponseImports.Layout;
import org.coachapproach.assessment.ResponseImports.Request;
import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.assessment.SurveyResponses;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.View;

/**
 * Staff import an earlier cohort's responses: upload an export (CSV or TSV), map its columns to
 * the instrument's items, preview, import. The file travels from step to step in the form
 * itself (there is no server-side session) and is never stored, so every step checks it all
 * again; the import itself runs as a job whose status page refreshes itself until it is done.
 */
@Controller
class SurveyImportController {

	private static final List<String> RESPONDENT_COLUMNS = List.of("ExternalReference", "ExternalDataReference",
			"respondent", "code");

	private final Curriculum curriculum;

	private final ResponseImports imports;

	private final SurveyAdministration administration;

	SurveyImportController(Curriculum curriculum, ResponseImports imports,
			SurveyAdministration administration) {
		this.curriculum = curriculum;
		this.imports = imports;
		this.administration = administration;
	}

	@GetMapping("/course/surveys/import")
	String form(Member member, Model model) {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		return upload(member, List.of(), model);
	}

	@PostMapping("/course/surveys/import")
	String mapColumns(@RequestParam("file") MultipartFile file, @RequestParam("instrument") String instrumentId,
			@RequestParam("wave") String waveLabel, @RequestParam(name = "cohort", defaultValue = "") String cohortLabel,
			Member member, HttpServletResponse response, Model model) throws IOException {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		Optional<Instrument> instrument = this.curriculum.instrument(instrumentId);
		Optional<Wave> wave = Wave.fromLabel(waveLabel).filter(w -> instrument.map(i -> i.runsIn(w)).orElse(false));
		if (instrument.isEmpty() || wave.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return upload(member, List.of(new LineProblem(0, "noSuchWave", List.of())), model);
		}
		String cohort = cohortLabel.strip();
		if (!cohort.isEmpty() && !ResponseImports.isCohortLabel(cohort)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return upload(member, List.of(new LineProblem(0, "badCohort", List.of(cohort))), model);
		}
		String text;
		try {
			text = DelimitedTable.text(file.getBytes());
		}
		catch (CharacterCodingException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return upload(member, List.of(new LineProblem(0, "notUtf8", List.of())), model);
		}
		char delimiter = DelimitedTable.delimiter(text, file.getOriginalFilename());
		try {
			Layout layout = ResponseImports.layout(text, delimiter);
			Map<String, Item> asked = asked(member, instrument.get(), wave.get());
			int respondent = layout.columns().stream().filter(c -> RESPONDENT_COLUMNS.stream().anyMatch(c.id()::equalsIgnoreCase))
				.mapToInt(ResponseImports.Column::index).findFirst().orElse(0);
			Request request = new Request(member.course(), cohort, instrument.get(), wave.get(),
					retrospective(member, instrument.get()), text, delimiter, respondent,
					ResponseImports.suggestedMapping(layout, asked));
			return mapping(member, request, layout, List.of(), model);
		}
		catch (ImportRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return upload(member, ex.problems(), model);
		}
	}

	/** Checks the whole file as it would be imported, writing nothing, and shows what the import would do. */
	@PostMapping("/course/surveys/import/preview")
	String preview(@RequestParam MultiValueMap<String, String> posted, Member member, HttpServletResponse response,
			Model model) {
		return withRequest(member, posted, response, model, request -> {
			ResponseImports.Preview preview = this.imports.check(request);
			model.addAttribute("member", member);
			model.addAttribute("request", request);
			model.addAttribute("delimiter", delimiterName(request.delimiter()));
			model.addAttribute("preview", preview);
			return "assessment/import-preview";
		});
	}

	/** Checks the file again (it came back from the browser) and starts the import. */
	@PostMapping("/course/surveys/import/confirm")
	String importResponses(@RequestParam MultiValueMap<String, String> posted, Member member,
			HttpServletRequest servletRequest, HttpServletResponse response, Model model) {
		return withRequest(member, posted, response, model, request -> {
			long job = this.imports.start(request, member.person());
			servletRequest.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
			return "redirect:/course/surveys/import/jobs/" + job;
		});
	}

	/**
	 * What preview and confirm share, as both take the whole form back from the browser: staff
	 * only, the form read as a request (400 and the upload again when it names no survey wave),
	 * and a refused file answered with the mapping again.
	 */
	private String withRequest(Member member, MultiValueMap<String, String> posted, HttpServletResponse response,
			Model model, Function<Request, String> step) {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		Optional<Request> request = request(member, posted);
		if (request.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return upload(member, List.of(new LineProblem(0, "noSuchWave", List.of())), model);
		}
		try {
			return step.apply(request.get());
		}
		catch (ImportRefusedException ex) {
			return refused(member, request.get(), ex, response, model);
		}
	}

	/** An import's progress, then its result; only staff of the course it imports into see it. */
	@GetMapping("/course/surveys/import/jobs/{id}")
	String job(@PathVariable("id") long id, Member member, Model model) {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		Optional<ResponseImports.Job> job = this.imports.job(member.course(), id);
		if (job.isEmpty()) {
			throw RefusedException.notFound("assessment.import.job.notFound");
		}
		Optional<Instrument> instrument = this.curriculum.instrument(job.get().instrumentId());
		Map<String, Item> asked = instrument.flatMap(i -> Wave.fromLabel(job.get().wave()).map(w -> SurveyResponses.asked(i, w, true)))
			.orElse(Map.of());
		model.addAttribute("member", member);
		model.addAttribute("job", job.get());
		model.addAttribute("instrumentTitle", instrument.map(Instrument::title).orElse(job.get().instrumentId()));
		model.addAttribute("notAsked", job.get().notAsked().stream()
			.map(key -> asked.containsKey(key) ? asked.get(key).text() : key)
			.toList());
		return "assessment/import-job";
	}

	private String refused(Member member, Request request, ImportRefusedException ex, HttpServletResponse response,
			Model model) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Layout layout;
		try {
			layout = ResponseImports.layout(request.text(), request.delimiter());
		}
		catch (ImportRefusedException empty) {
			return upload(member, empty.problems(), model);
		}
		return mapping(member, request, layout, ex.problems(), model);
	}

	/** The form's fields as a request; empty when the survey or wave is not one. */
	private Optional<Request> request(Member member, MultiValueMap<String, String> posted) {
		Optional<Instrument> instrument = this.curriculum.instrument(String.valueOf(posted.getFirst("instrument")));
		Optional<Wave> wave = Wave.fromLabel(posted.getFirst("wave")).filter(w -> instrument.map(i -> i.runsIn(w)).orElse(false));
		String text = posted.getFirst("csv");
		if (instrument.isEmpty() || wave.isEmpty() || text == null) {
			return Optional.empty();
		}
		Map<String, Integer> mapping = new LinkedHashMap<>();
		posted.forEach((name, values) -> {
			if (name.startsWith("map.") && !values.isEmpty() && !values.get(0).isBlank()) {
				mapping.put(name.substring(4), number(values.get(0)));
			}
		});
		String cohort = Optional.ofNullable(posted.getFirst("cohort")).orElse(ResponseImports.OWN_COHORT).strip();
		char delimiter = "tab".equals(posted.getFirst("delimiter")) ? '\t' : ',';
		return Optional.of(new Request(member.course(), cohort, instrument.get(), wave.get(),
				retrospective(member, instrument.get()), text, delimiter, number(posted.getFirst("respondentColumn")),
				mapping));
	}

	private static String delimiterName(char delimiter) {
		return delimiter == '\t' ? "tab" : "comma";
	}

	private static int number(String value) {
		try {
			return value == null ? -1 : Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private boolean retrospective(Member member, Instrument instrument) {
		return this.administration.settings(member.course(), instrument.id()).retrospective();
	}

	private Map<String, Item> asked(Member member, Instrument instrument, Wave wave) {
		return SurveyResponses.asked(instrument, wave, retrospective(member, instrument));
	}

	private String upload(Member member, List<LineProblem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("instruments", this.curriculum.instruments());
		model.addAttribute("problems", problems);
		return "assessment/import";
	}

	private String mapping(Member member, Request request, Layout layout, List<LineProblem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("request", request);
		model.addAttribute("instrument", request.instrument());
		model.addAttribute("wave", request.wave().label());
		model.addAttribute("delimiter", delimiterName(request.delimiter()));
		model.addAttribute("layout", layout);
		model.addAttribute("respondentColumn", request.respondentColumn());
		model.addAttribute("asked", asked(member, request.instrument(), request.wave()));
		model.addAttribute("mapping", request.mapping());
		model.addAttribute("problems", problems);
		return "assessment/import-mapping";
	}

}
