package org.coachapproach.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.CsvDownload;
import org.coachapproach.assessment.Adjustment;
import org.coachapproach.assessment.Distribution;
import org.coachapproach.assessment.HeldWave;
import org.coachapproach.assessment.PrePostReport;
import org.coachapproach.assessment.ResponseRate;
import org.coachapproach.assessment.SurveyReports;
import org.coachapproach.assessment.WaveReport;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.ItemType;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Program staff's survey report: response rates, the pre/post tables and charts of one
 * instrument (optionally by subgroup, and its scale scores by two subgroups crossed; optionally
 * with adjusted p), and the post-only distributions and comments; as a page, a printable page,
 * CSV and JSON. Only aggregates leave here, each resting on at least five respondents (ten for
 * comments).
 */
@Controller
class SurveyReportController {

	private final Curriculum curriculum;

	private final SurveyReports reports;

	private final MessageSource messages;

	SurveyReportController(Curriculum curriculum, SurveyReports reports, MessageSource messages) {
		this.curriculum = curriculum;
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/course/surveys/report")
	String show(@RequestParam(name = "instrument", required = false) String instrumentId,
			@RequestParam(name = "compare", required = false) String compare,
			@RequestParam(name = "adjust", required = false) String adjust,
			@RequestParam(name = "subgroup", required = false) String subgroup,
			@RequestParam(name = "cross", required = false) String cross,
			@RequestParam(name = "print", required = false) boolean print,
			Member member, HttpServletResponse response, Model model) {
		if (!mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		Selection selection = selection(instrumentId, compare, adjust, subgroup, cross);
		String problem = crossProblem(selection, cross);
		if (problem != null) {
			// the report as it would be without the second breakdown, and why there is none
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", problem);
		}
		Report report = report(member, selection);
		int points = selection.instrument.items().stream().filter(i -> i.type() == ItemType.SCALE)
			.mapToInt(i -> i.scale().points()).max().orElse(5);
		// The printable layout is the completion dashboard's (a plain page, no navigation).
		model.addAttribute("layout", print ? "progress/print" : "fragments/layout");
		model.addAttribute("print", print);
		model.addAttribute("selection", selection);
		model.addAttribute("prePostInstruments", this.curriculum.instruments().stream().filter(Instrument::isPrePost).toList());
		model.addAttribute("subgroupQuestions", this.reports.subgroupQuestions());
		model.addAttribute("synthetic", report.synthetic());
		model.addAttribute("held", report.held());
		model.addAttribute("rates", report.responseRates());
		model.addAttribute("prePost", report.prePost());
		model.addAttribute("scaleRows", report.prePost().scales().stream().map(ReportView.Row::of).toList());
		model.addAttribute("itemRows", report.prePost().items().stream().map(ReportView.Row::of).toList());
		model.addAttribute("thenRows", report.prePost().retrospective().stream().map(ReportView.Row::of).toList());
		model.addAttribute("groupRows", report.prePost().subgroups().stream().map(ReportView.Row::of).toList());
		model.addAttribute("crossTables", ReportView.CrossTable.of(report.prePost().intersections()));
		model.addAttribute("subgroupQuestion", question(report.prePost().subgroup()));
		model.addAttribute("crossQuestion", question(report.prePost().crossSubgroup()));
		model.addAttribute("chart", ReportView.DotArrowChart.of(report.prePost().items(), points));
		model.addAttribute("waves", report.waves());
		model.addAttribute("bars", bars(report.waves()));
		return "assessment/report";
	}

	@GetMapping(path = "/course/surveys/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> json(@ModelAttribute Choice choice, Member member, Locale locale) {
		return export(choice, member, locale, report -> ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"survey-report.json\"")
			.body(report));
	}

	@GetMapping("/course/surveys/report.csv")
	ResponseEntity<?> csv(@ModelAttribute Choice choice, Member member, Locale locale) {
		return export(choice, member, locale, report -> CsvDownload.of("survey-report.csv", ReportCsv.of(report)));
	}

	/**
	 * The exports' request parameters as sent, each {@code null} when absent; {@link #selection}
	 * makes them a {@link Selection}.
	 */
	record Choice(String instrument, String compare, String adjust, String subgroup, String cross) {
	}

	/**
	 * What the exports share: staff only, and a second breakdown that cannot be made refused
	 * (unlike the page, a file has nowhere to say why it is missing).
	 */
	private ResponseEntity<?> export(Choice choice, Member member, Locale locale,
			Function<Report, ResponseEntity<?>> answer) {
		if (!mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		Selection selection = selection(choice.instrument(), choice.compare(), choice.adjust(), choice.subgroup(),
				choice.cross());
		String problem = crossProblem(selection, choice.cross());
		if (problem != null) {
			return refusedExport(problem, locale);
		}
		return answer.apply(report(member, selection));
	}

	/** A refused export: 400 and the reason as plain text, nothing else. */
	private ResponseEntity<byte[]> refusedExport(String problem, Locale locale) {
		return ResponseEntity.badRequest()
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(this.messages.getMessage(problem, null, locale).getBytes(StandardCharsets.UTF_8));
	}

	static boolean mayRead(Member member) {
		return member.course() != null && member.isStaff();
	}

	/** Everything the report holds; the JSON export is exactly this. */
	record Report(boolean synthetic, List<ResponseRate> responseRates, PrePostReport prePost, List<WaveReport> waves,
			List<HeldWave> held) {
	}

	private Report report(Member member, Selection selection) {
		this.reports.releaseDue(member.course());
		PrePostReport prePost = this.reports.prePost(member.course(), selection.instrument, selection.compare,
				selection.adjustment, selection.subgroup, selection.cross);
		List<WaveReport> waveReports = new ArrayList<>();
		List<Instrument> shown = new ArrayList<>(List.of(selection.instrument));
		this.curriculum.instrument(SurveyReports.DEMOGRAPHICS).ifPresent(shown::add);
		for (Instrument instrument : this.curriculum.instruments()) {
			boolean postOnly = !instrument.isPrePost() && instrument.waves().contains(Wave.POST);
			if (postOnly) {
				waveReports.add(this.reports.wave(member.course(), instrument, Wave.POST));
				shown.add(instrument);
			}
		}
		return new Report(this.reports.hasSynthetic(member.course()),
				this.reports.responseRates(member.course(), this.curriculum.instruments()), prePost, waveReports,
				this.reports.held(member.course(), shown));
	}

	/**
	 * What the staff member chose, with unknown values falling back to the defaults; the
	 * second breakdown ({@code cross}) is {@code null} unless it can be made.
	 */
	record Selection(Instrument instrument, Wave compare, Adjustment adjustment, String subgroup, String cross) {

		public String adjust() {
			return this.adjustment.label();
		}

	}

	private Selection selection(String instrumentId, String compare, String adjust, String subgroup, String cross) {
		List<Instrument> prePost = this.curriculum.instruments().stream().filter(Instrument::isPrePost).toList();
		Instrument instrument = prePost.stream().filter(i -> i.id().equals(instrumentId)).findFirst()
			.orElse(prePost.stream().filter(i -> i.id().equals("mentor-prepost")).findFirst().orElse(prePost.get(0)));
		Wave wave = Wave.fromLabel(compare).filter(w -> w == Wave.FOLLOW_UP && instrument.runsIn(w)).orElse(Wave.POST);
		Adjustment adjustment = Adjustment.fromLabel(adjust).orElse(Adjustment.NONE);
		String group = this.reports.subgroupQuestions().stream().map(Item::id).filter(id -> id.equals(subgroup))
			.findFirst().orElse(null);
		Selection selection = new Selection(instrument, wave, adjustment, group, null);
		return crossProblem(selection, cross) == null && cross != null && !cross.isBlank()
				? new Selection(instrument, wave, adjustment, group, cross) : selection;
	}

	/**
	 * Why the second breakdown asked for cannot be made, as a message key: an unknown
	 * question, none to cross it with, or the first one again; {@code null} when it can be, or
	 * none was asked for.
	 */
	private String crossProblem(Selection selection, String cross) {
		if (cross == null || cross.isBlank()) {
			return null;
		}
		if (question(cross) == null) {
			return "assessment.report.cross.unknown";
		}
		if (selection.subgroup() == null) {
			return "assessment.report.cross.noFirst";
		}
		return cross.equals(selection.subgroup()) ? "assessment.report.cross.same" : null;
	}

	private Item question(String id) {
		return this.reports.subgroupQuestions().stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
	}

	private static Map<String, List<ReportView.DivergingBar>> bars(List<WaveReport> reports) {
		Map<String, List<ReportView.DivergingBar>> bars = new LinkedHashMap<>();
		for (WaveReport report : reports) {
			List<ReportView.DivergingBar> list = new ArrayList<>();
			int y = 10;
			for (Distribution d : report.distributions()) {
				if (d.scale() && d.n() != null) {
					list.add(ReportView.DivergingBar.of(d, y));
					y += 28;
				}
			}
			bars.put(report.instrumentId(), list);
		}
		return bars;
	}

}
