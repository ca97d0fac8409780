package org.coachapproach.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.CsvDownload;
import org.coachapproach.SpreadsheetCsv;
import org.coachapproach.assessment.CohortComparisonReport;
import org.coachapproach.assessment.SurveyReports;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Program staff compare a pre/post instrument's cohorts over years in their course: each
 * cohort's gain per scale score and item, side by side, with a trend chart per scale score; as
 * a page, a printable page, JSON and CSV, all from one {@link CohortComparisonReport}. Who may
 * read it is who may read the survey report.
 */
@Controller
class CohortComparisonController {

	private final Curriculum curriculum;

	private final SurveyReports reports;

	private final MessageSource messages;

	CohortComparisonController(Curriculum curriculum, SurveyReports reports, MessageSource messages) {
		this.curriculum = curriculum;
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/course/surveys/cohorts")
	String show(@RequestParam(name = "instrument", required = false) String instrumentId,
			@RequestParam(name = "print", required = false) boolean print,
			Member member, HttpServletResponse response, Model model, Locale locale) {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		List<Instrument> prePost = prePostInstruments();
		Optional<Instrument> instrument = instrument(instrumentId);
		model.addAttribute("layout", print ? "progress/print" : "fragments/layout");
		model.addAttribute("print", print);
		model.addAttribute("prePostInstruments", prePost);
		if (instrument.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", "assessment.cohorts.unknownInstrument");
			model.addAttribute("selected", instrumentId);
			return "assessment/cohorts";
		}
		CohortComparisonReport report = report(member, instrument.get());
		List<String> labels = labels(report, locale);
		model.addAttribute("selected", instrument.get().id());
		model.addAttribute("report", report);
		model.addAttribute("labels", labels);
		model.addAttribute("scaleRows", ReportView.GainRow.of(report.scales()));
		model.addAttribute("itemRows", ReportView.GainRow.of(report.items()));
		model.addAttribute("charts", report.scales().stream().map(m -> ReportView.TrendChart.of(m, labels)).toList());
		return "assessment/cohorts";
	}

	@GetMapping(path = "/course/surveys/cohorts.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> json(@RequestParam(name = "instrument", required = false) String instrumentId,
			Member member, Locale locale) {
		return export(instrumentId, member, locale, report -> ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cohort-comparison.json\"")
			.body(report));
	}

	@GetMapping("/course/surveys/cohorts.csv")
	ResponseEntity<?> csv(@RequestParam(name = "instrument", required = false) String instrumentId,
			Member member, Locale locale) {
		return export(instrumentId, member, locale,
				report -> CsvDownload.of("cohort-comparison.csv", csv(report, labels(report, locale))));
	}

	/** What the exports share: staff only, and an unknown instrument refused as plain text rather than exported. */
	private ResponseEntity<?> export(String instrumentId, Member member, Locale locale,
			Function<CohortComparisonReport, ResponseEntity<?>> answer) {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		Optional<Instrument> instrument = instrument(instrumentId);
		if (instrument.isEmpty()) {
			return refusedExport(locale);
		}
		return answer.apply(report(member, instrument.get()));
	}

	private CohortComparisonReport report(Member member, Instrument instrument) {
		this.reports.releaseDue(member.course());
		return this.reports.compareCohorts(member.course(), instrument);
	}

	/** The instrument asked for; with none, the mentors' one (as the survey report); empty when not a pre/post instrument. */
	private Optional<Instrument> instrument(String instrumentId) {
		List<Instrument> prePost = prePostInstruments();
		if (instrumentId == null || instrumentId.isBlank()) {
			return prePost.stream().filter(i -> i.id().equals("mentor-prepost")).findFirst()
				.or(() -> prePost.stream().findFirst());
		}
		return prePost.stream().filter(i -> i.id().equals(instrumentId)).findFirst();
	}

	private List<Instrument> prePostInstruments() {
		return this.curriculum.instruments().stream().filter(Instrument::isPrePost).toList();
	}

	/** Each cohort's name as shown: its label, or for the course's own cohort without one, the default. */
	private List<String> labels(CohortComparisonReport report, Locale locale) {
		return report.cohorts().stream()
			.map(c -> c.label() != null ? c.label() : this.messages.getMessage("assessment.cohorts.own.default", null, locale))
			.toList();
	}

	private ResponseEntity<byte[]> refusedExport(Locale locale) {
		return ResponseEntity.badRequest()
			.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.body(this.messages.getMessage("assessment.cohorts.unknownInstrument", null, locale)
				.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One line per figure ({@code table, instrument, cohort, key, measure, value}), as the survey
	 * report's CSV; a suppressed figure is written as {@code suppressed}, never as its value.
	 */
	static String csv(CohortComparisonReport report, List<String> labels) {
		StringBuilder csv = new StringBuilder(
				SpreadsheetCsv.line(List.of("table", "instrument", "cohort", "key", "measure", "value")));
		for (int c = 0; c < report.cohorts().size(); c++) {
			Integer pairs = report.cohorts().get(c).pairs();
			csv.append(SpreadsheetCsv.line(List.of("pairs", report.instrumentId(), labels.get(c), "", "n",
					pairs == null ? ReportCsv.SUPPRESSED : String.valueOf(pairs))));
		}
		gains(csv, "scale-scores", report, report.scales(), labels);
		gains(csv, "items", report, report.items(), labels);
		return csv.toString();
	}

	private static void gains(StringBuilder csv, String table, CohortComparisonReport report,
			List<CohortComparisonReport.Measure> measures, List<String> labels) {
		for (CohortComparisonReport.Measure m : measures) {
			for (int c = 0; c < labels.size(); c++) {
				CohortComparisonReport.Gain g = m.gains().get(c);
				if (g.suppressed()) {
					csv.append(SpreadsheetCsv.line(List.of(table, report.instrumentId(), labels.get(c), m.key(), "n",
							ReportCsv.SUPPRESSED)));
					continue;
				}
				Object[][] figures = { { "n", g.n() }, { "gain", g.gain() }, { "ci-low", g.ciLow() },
						{ "ci-high", g.ciHigh() }, { "dz", g.dz() }, { "p", g.p() } };
				for (Object[] f : figures) {
					if (f[1] != null) {
						csv.append(SpreadsheetCsv.line(List.of(table, report.instrumentId(), labels.get(c), m.key(),
								(String) f[0], String.valueOf(f[1]))));
					}
				}
			}
		}
	}

}
