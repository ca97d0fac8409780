package org.coachapproach.assessment.web;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.assessment.internal.AnswerCheck;
import org.coachapproach.assessment.internal.CsvTable;
import org.coachapproach.assessment.internal.ResponseImport;
import org.coachapproach.assessment.internal.ResponseImport.ImportRefusedException;
import org.coachapproach.assessment.internal.ResponseImport.Layout;
import org.coachapproach.assessment.internal.ResponseImport.RowProblem;
import org.coachapproach.assessment.internal.SurveyAdministration;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff import an earlier cohort's responses: upload a CSV export, map its columns to the
 * instrument's items, import. The file travels from the mapping step to the import in the
 * form itself (there is no server-side session) and is never stored.
 */
@Controller
class SurveyImportController {

	private static final List<String> RESPONDENT_COLUMNS = List.of("ExternalReference", "ExternalDataReference",
			"respondent", "code");

	private final Curriculum curriculum;

	private final ResponseImport imports;

	private final SurveyAdministration administration;

	SurveyImportController(Curriculum curriculum, ResponseImport imports, SurveyAdministration administration) {
		this.curriculum = curriculum;
		this.imports = imports;
		this.administration = administration;
	}

	@GetMapping("/course/surveys/import")
	String form(@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session, HttpServletResponse response,
			Model model) {
		Member member = session.member();
		if (!SurveyReportController.mayRead(member)) {
			return SurveyController.refused(member, "assessment.refused.notStaff", response, model);
		}
		return upload(member, List.of(), model);
	}

	@PostMapping("/course/surveys/import")
	String mapColumns(@RequestParam("file") MultipartFile file, @RequestParam("instrument") String instrumentId,
			@RequestParam("wave") String waveLabel,
			@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session, HttpServletResponse response,
			Model model) throws IOException {
		Member member = session.member();
		if (!SurveyReportController.mayRead(member)) {
			return SurveyController.refused(member, "assessment.refused.notStaff", response, model);
		}
		Optional<Instrument> instrument = this.curriculum.instrument(instrumentId);
		Optional<Wave> wave = Wave.fromLabel(waveLabel).filter(w -> instrument.map(i -> i.runsIn(w)).orElse(false));
		if (instrument.isEmpty() || wave.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return upload(member, List.of(new RowProblem(0, "noSuchWave", List.of())), model);
		}
		String csv;
		try {
			csv = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file.getBytes())).toString();
		}
		catch (CharacterCodingException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return upload(member, List.of(new RowProblem(0, "notUtf8", List.of())), model);
		}
		try {
			Layout layout = ResponseImport.layout(CsvTable.parse(csv));
			Map<String, Item> asked = asked(member, instrument.get(), wave.get());
			int respondent = layout.columns().stream().filter(c -> RESPONDENT_COLUMNS.stream().anyMatch(c.id()::equalsIgnoreCase))
				.mapToInt(ResponseImport.Column::index).findFirst().orElse(0);
			return mapping(member, instrument.get(), wave.get(), csv, layout, respondent,
					ResponseImport.suggestedMapping(layout, asked), List.of(), model);
		}
		catch (ImportRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return upload(member, ex.problems(), model);
		}
	}

	@PostMapping("/course/surveys/import/confirm")
	String importResponses(@RequestParam MultiValueMap<String, String> posted,
			@RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session, HttpServletResponse response,
			Model model) {
		Member member = session.member();
		if (!SurveyReportController.mayRead(member)) {
			return SurveyController.refused(member, "assessment.refused.notStaff", response, model);
		}
		Optional<Instrument> instrument = this.curriculum.instrument(String.valueOf(posted.getFirst("instrument")));
		Optional<Wave> wave = Wave.fromLabel(posted.getFirst("wave")).filter(w -> instrument.map(i -> i.runsIn(w)).orElse(false));
		String csv = posted.getFirst("csv");
		if (instrument.isEmpty() || wave.isEmpty() || csv == null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return upload(member, List.of(new RowProblem(0, "noSuchWave", List.of())), model);
		}
		Map<String, Integer> mapping = new LinkedHashMap<>();
		posted.forEach((name, values) -> {
			if (name.startsWith("map.") && !values.isEmpty() && !values.get(0).isBlank()) {
				mapping.put(name.substring(4), number(values.get(0)));
			}
		});
		int respondent = number(posted.getFirst("respondentColumn"));
		boolean retrospective = this.administration.settings(member.course(), instrument.get().id()).retrospective();
		try {
			int imported = this.imports.importResponses(member.course(), instrument.get(), wave.get(), retrospective, csv,
					respondent, mapping);
			model.addAttribute("member", member);
			model.addAttribute("imported", imported);
			model.addAttribute("instrument", instrument.get());
			model.addAttribute("wave", wave.get().label());
			return "assessment/imported";
		}
		catch (ImportRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			Layout layout = ResponseImport.layout(CsvTable.parse(csv));
			return mapping(member, instrument.get(), wave.get(), csv, layout, respondent, mapping, ex.problems(), model);
		}
	}

	private static int number(String value) {
		try {
			return value == null ? -1 : Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private Map<String, Item> asked(Member member, Instrument instrument, Wave wave) {
		return AnswerCheck.asked(instrument, wave,
				this.administration.settings(member.course(), instrument.id()).retrospective());
	}

	private String upload(Member member, List<RowProblem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("instruments", this.curriculum.instruments());
		model.addAttribute("problems", problems);
		return "assessment/import";
	}

	private String mapping(Member member, Instrument instrument, Wave wave, String csv, Layout layout, int respondent,
			Map<String, Integer> mapping, List<RowProblem> problems, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("instrument", instrument);
		model.addAttribute("wave", wave.label());
		model.addAttribute("csv", csv);
		model.addAttribute("layout", layout);
		model.addAttribute("respondentColumn", respondent);
		model.addAttribute("asked", asked(member, instrument, wave));
		model.addAttribute("mapping", mapping);
		model.addAttribute("problems", problems);
		return "assessment/import-mapping";
	}

}
