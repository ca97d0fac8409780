package org.coachapproach.assessment.web;

import java.util.List;

import org.coachapproach.SpreadsheetCsv;
import org.coachapproach.assessment.ComparisonRow;
import org.coachapproach.assessment.Distribution;
import org.coachapproach.assessment.IntersectionRow;
import org.coachapproach.assessment.PairedFigures;
import org.coachapproach.assessment.ResponseRate;
import org.coachapproach.assessment.WaveReport;

/**
 * The report as one tidy CSV: one line per figure ({@code table, instrument, wave, key, group,
 * measure, value}), so every table fits one layout and loads straight into R or a
 * spreadsheet. A suppressed cell is written as {@code suppressed}, never as its value. A
 * two-way breakdown's group names both groups ({@code Woman × Clinical professor}).
 */
final class ReportCsv {

	static final String SUPPRESSED = "suppressed";

	private ReportCsv() {
	}

	static String of(SurveyReportController.Report report) {
		StringBuilder csv = new StringBuilder(SpreadsheetCsv.line(List.of("table", "instrument", "wave", "key", "group", "measure", "value")));
		for (ResponseRate rate : report.responseRates()) {
			line(csv, "response-rates", rate.instrumentId(), "", rate.audience(), "", "invited", String.valueOf(rate.invited()));
			line(csv, "response-rates", rate.instrumentId(), "pre", rate.audience(), "", "responded", count(rate.first()));
			line(csv, "response-rates", rate.instrumentId(), "post", rate.audience(), "", "responded", count(rate.second()));
			line(csv, "response-rates", rate.instrumentId(), "both", rate.audience(), "", "responded", count(rate.both()));
		}
		String waves = report.prePost().firstWave() + "-" + report.prePost().secondWave();
		comparisons(csv, "scale-scores", report.prePost().instrumentId(), waves, report.prePost().scales());
		comparisons(csv, "items", report.prePost().instrumentId(), waves, report.prePost().items());
		comparisons(csv, "retrospective", report.prePost().instrumentId(), "then-post", report.prePost().retrospective());
		comparisons(csv, "subgroups", report.prePost().instrumentId(), waves, report.prePost().subgroups());
		comparisons(csv, "intersections", report.prePost().instrumentId(), waves,
				report.prePost().intersections().stream().map(IntersectionRow::comparison).toList());
		for (WaveReport wave : report.waves()) {
			line(csv, "respondents", wave.instrumentId(), wave.wave(), "", "", "n", count(wave.respondents()));
			for (Distribution d : wave.distributions()) {
				line(csv, "distribution", wave.instrumentId(), wave.wave(), d.key(), "", "n", count(d.n()));
				for (int i = 0; i < d.labels().size(); i++) {
					line(csv, "distribution", wave.instrumentId(), wave.wave(), d.key(), d.labels().get(i), "count",
							count(d.counts().get(i)));
				}
				if (d.scale()) {
					line(csv, "distribution", wave.instrumentId(), wave.wave(), d.key(), "", "percent-agree",
							d.agree() == null ? SUPPRESSED : JournalFormat.number(d.agree(), 1));
				}
			}
		}
		return csv.toString();
	}

	private static void comparisons(StringBuilder csv, String table, String instrument, String waves,
			List<ComparisonRow> rows) {
		for (ComparisonRow row : rows) {
			String group = row.group() == null ? "" : row.group();
			if (row.suppressed()) {
				line(csv, table, instrument, waves, row.key(), group, "n", SUPPRESSED);
				continue;
			}
			PairedFigures f = row.figures();
			Object[][] measures = { { "n", f.n() }, { "first-mean", f.firstMean() }, { "first-sd", f.firstSd() },
					{ "second-mean", f.secondMean() }, { "second-sd", f.secondSd() }, { "difference", f.difference() },
					{ "ci-low", f.ciLow() }, { "ci-high", f.ciHigh() }, { "t", f.t() }, { "df", f.df() }, { "p", f.p() },
					{ "p-adjusted", row.pAdjusted() }, { "dz", f.dz() }, { "wilcoxon-p", f.wilcoxonP() },
					{ "first-median", f.firstMedian() }, { "second-median", f.secondMedian() },
					{ "first-mode", f.firstMode() }, { "second-mode", f.secondMode() }, { "improved", f.improved() },
					{ "unchanged", f.unchanged() }, { "declined", f.declined() } };
			for (Object[] m : measures) {
				if (m[1] != null) {
					line(csv, table, instrument, waves, row.key(), group, (String) m[0], String.valueOf(m[1]));
				}
			}
		}
	}

	private static String count(Integer n) {
		return n == null ? SUPPRESSED : String.valueOf(n);
	}

	private static void line(StringBuilder csv, String... cells) {
		csv.append(SpreadsheetCsv.line(List.of(cells)));
	}

}
