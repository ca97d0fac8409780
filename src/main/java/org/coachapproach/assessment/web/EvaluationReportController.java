package org.coachapproach.assessment.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.coachapproach.assessment.ComparisonRow;
import org.coachapproach.assessment.PairedFigures;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Program staff's evaluation report: the published evaluation's tables and figures from this
 * course's data, as a page, a printable page (to print or save as PDF) and JSON; the same
 * readers as the survey report.
 */
@Controller
class EvaluationReportController {

	private final EvaluationReports reports;

	EvaluationReportController(EvaluationReports reports) {
		this.reports = reports;
	}

	@GetMapping("/course/surveys/evaluation")
	String show(@RequestParam(name = "print", required = false) boolean print, Member member, Model model) {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		EvaluationReport report = this.reports.report(member);
		model.addAttribute("layout", print ? "progress/print" : "fragments/layout");
		model.addAttribute("print", print);
		model.addAttribute("report", report);
		model.addAttribute("journal", new Journal());
		Map<Integer, ReportView.DotArrowChart> charts = new LinkedHashMap<>();
		for (EvaluationReport.Part part : report.parts()) {
			if (part instanceof EvaluationReport.Chart chart) {
				charts.put(chart.number(), ReportView.DotArrowChart.of(chart.items().stream()
					.map(i -> i.means())
					.map(EvaluationReportController::row)
					.toList(), chart.points()));
			}
		}
		model.addAttribute("charts", charts);
		return "assessment/evaluation";
	}

	@GetMapping(path = "/course/surveys/evaluation.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> json(Member member) {
		if (!SurveyReportController.mayRead(member)) {
			throw new RefusedException("assessment.refused.notStaff");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evaluation-report.json\"")
			.body(this.reports.report(member));
	}

	/** A chart row from the figures the data table shows (the chart draws nothing the table lacks). */
	private static ComparisonRow row(EvaluationReport.Comparison c) {
		return new ComparisonRow(c.key(), c.section(), c.label(), null, c.suppressed(), c.suppressed() ? null
				: new PairedFigures(c.n(), c.preMean(), c.preSd(), c.postMean(),
						c.postSd(), c.difference(), c.ciLow(), c.ciHigh(), null, null, c.p(), c.dz(), null, 0, 0, "", "", 0,
						0, 0),
				null);
	}

}
