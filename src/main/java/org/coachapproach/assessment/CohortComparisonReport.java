package org.coachapproach.assessment;

import java.util.List;

import org.coachapproach.assessment.internal.report.PrePostAnalysis;

/**
 * One pre/post instrument's gains, cohort by cohort: the earlier cohorts imported into the
 * course in label order, then the course's own. Every figure is one of {@link PrePostAnalysis}'s
 * for that cohort, so it is published and suppressed as that report's.
 *
 * @param cohorts the columns, in order
 * @param scales per scale score, one {@link Gain} per cohort in the order of {@code cohorts}
 * @param items per item, likewise
 */
public record CohortComparisonReport(String instrumentId, String title, String firstWave, String secondWave,
		List<Cohort> cohorts, List<Measure> scales, List<Measure> items) {

	/**
	 * @param cohort the stored cohort: an imported label, or {@code ""} for the course's own
	 * @param label what to call it: the imported label, or the one staff set for the course's
	 * own cohort ({@code null} when they set none)
	 * @param pairs respondents with both waves, or {@code null} when fewer than five
	 */
	public record Cohort(String cohort, String label, boolean own, Integer pairs) {
	}

	/** An item or a scale score, with its gain in each cohort. */
	public record Measure(String key, String section, String label, List<Gain> gains) {
	}

	/**
	 * The mean gain (second − first wave) of one measure in one cohort, with its 95 % interval,
	 * Cohen's dz and the paired t-test's p. When {@code suppressed}, every figure is {@code null};
	 * {@code ciLow}, {@code ciHigh}, {@code dz} and {@code p} are {@code null} too where undefined
	 * (every difference equal).
	 */
	public record Gain(boolean suppressed, Integer n, Double gain, Double ciLow, Double ciHigh, Double dz, Double p) {

		public static Gain of(ComparisonRow row) {
			if (row == null || row.suppressed()) {
				return new Gain(true, null, null, null, null, null, null);
			}
			PairedFigures f = row.figures();
			return new Gain(false, f.n(), f.difference(), f.ciLow(), f.ciHigh(), f.dz(), f.p());
		}

	}

}
