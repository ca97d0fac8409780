package org.coachapproach.assessment.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coachapproach.assessment.Adjustment;
import org.coachapproach.assessment.CohortComparisonReport;
import org.coachapproach.assessment.ComparisonRow;
import org.coachapproach.assessment.PrePostReport;
import org.coachapproach.assessment.internal.imports.CohortLabels;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;

import org.springframework.stereotype.Service;

/**
 * Compares a program's cohorts over years within a course: each cohort's pre/post report from
 * {@link PrePostAnalysis} (so each keeps its own publication and suppression, and the course's
 * own cohort its release batches), set side by side per scale score and item.
 */
@Service
public class CohortComparison {

	private final PrePostAnalysis prePost;

	private final CohortReader reader;

	private final CohortLabels labels;

	CohortComparison(PrePostAnalysis prePost, CohortReader reader, CohortLabels labels) {
		this.prePost = prePost;
		this.reader = reader;
		this.labels = labels;
	}

	/** The imported cohorts of the course for the instrument in label order, then the course's own. */
	public CohortComparisonReport compare(CourseId course, Instrument instrument) {
		List<String> cohorts = new ArrayList<>(this.reader.importedCohorts(course, instrument.id()));
		cohorts.add(CohortReader.OWN);
		Optional<String> ownLabel = this.labels.own(course);
		List<CohortComparisonReport.Cohort> columns = new ArrayList<>();
		List<PrePostReport> reports = new ArrayList<>();
		for (String cohort : cohorts) {
			PrePostReport report = this.prePost.report(course, cohort, instrument, Wave.POST, Adjustment.NONE, null, null);
			boolean own = cohort.equals(CohortReader.OWN);
			reports.add(report);
			columns.add(new CohortComparisonReport.Cohort(cohort, own ? ownLabel.orElse(null) : cohort, own,
					report.pairs()));
		}
		PrePostReport first = reports.get(0);
		return new CohortComparisonReport(instrument.id(), instrument.title(), first.firstWave(), first.secondWave(),
				columns, measures(first.scales(), reports, true), measures(first.items(), reports, false));
	}

	/** One measure per row of the first report, with the same row (by key) of every cohort's report. */
	private static List<CohortComparisonReport.Measure> measures(List<ComparisonRow> rows, List<PrePostReport> reports,
			boolean scales) {
		List<CohortComparisonReport.Measure> measures = new ArrayList<>();
		for (ComparisonRow row : rows) {
			List<CohortComparisonReport.Gain> gains = reports.stream()
				.map(r -> (scales ? r.scales() : r.items()).stream().filter(c -> c.key().equals(row.key())).findFirst()
					.orElse(null))
				.map(CohortComparisonReport.Gain::of)
				.toList();
			measures.add(new CohortComparisonReport.Measure(row.key(), row.section(), row.label(), gains));
		}
		return measures;
	}

}
