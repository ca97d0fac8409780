package org.coachapproach.assessment.web;

import java.util.List;

import org.coachapproach.assessment.CfdsAttendance;
import org.coachapproach.assessment.ComparisonRow;
import org.coachapproach.assessment.Distribution;
import org.coachapproach.assessment.HeldWave;
import org.coachapproach.assessment.PairedFigures;
import org.coachapproach.assessment.ResponseRate;

/**
 * A course's evaluation report: the published evaluation's tables and figures in its order
 * (response rates, demographics, the mentors' pre/post, their feedback, the mentees' pre/post,
 * CFDS attendance and survey), then what it lacked (retrospective "then" answers, follow-up).
 * The page, its printable layout and the JSON export are all this one object, in which every
 * suppressed figure is already absent ({@code null}).
 *
 * @param attendanceForProgramStaff whether CFDS attendance was left out because the reader is not program staff
 */
record EvaluationReport(boolean synthetic, List<HeldWave> held, List<Part> parts,
		boolean attendanceForProgramStaff) {

	/** One numbered table or figure; {@code kind} says which of the records below it is. */
	sealed interface Part permits Rates, Answers, PrePost, Chart, Attendance {

		String kind();

		int number();

	}

	/** Response rates per pre/post instrument (the published Table 2). */
	record Rates(String kind, int number, List<Rate> rows) implements Part {
	}

	/**
	 * One instrument's response rate: counts as {@link ResponseRate} shows them, and each as a
	 * percentage of those invited.
	 * @param invited {@code null} when the roster is not who was asked (more responded than it lists)
	 */
	record Rate(String instrumentId, String title, String audience, Integer invited, Integer pre, Integer post,
			Integer both, Double prePercent, Double postPercent, Double bothPercent) {

		static Rate of(ResponseRate rate) {
			Integer invited = rate.rosterIsPool() && rate.invited() > 0 ? rate.invited() : null;
			return new Rate(rate.instrumentId(), rate.title(), rate.audience(), invited, rate.first(), rate.second(),
					rate.both(), percent(rate.first(), invited), percent(rate.second(), invited),
					percent(rate.both(), invited));
		}

		private static Double percent(Integer count, Integer invited) {
			return count == null || invited == null ? null : 100.0 * count / invited;
		}

	}

	/**
	 * One wave's answers as distributions: demographics (the subgroup questions only), feedback,
	 * the CFDS survey. {@code kind} is {@code demographics} or {@code answers}.
	 */
	record Answers(String kind, int number, String instrumentId, String title, String wave, Integer respondents,
			List<Distribution> distributions) implements Part {
	}

	/**
	 * An instrument's paired comparison, scale scores first. {@code kind} is {@code prePost},
	 * {@code retrospective} (then against post) or {@code followUp} (pre against follow-up).
	 */
	record PrePost(String kind, int number, String instrumentId, String title, String firstWave, String secondWave,
			Integer pairs, List<Comparison> scales, List<Comparison> items) implements Part {
	}

	/**
	 * A figure of one section's pre and post means (the published Figures 2 and 3), with its data:
	 * the means and each wave's answers per point.
	 */
	/** @param stem the question the section's items answer (its {@code stem}), or {@code null} */
	record Chart(String kind, int number, String instrumentId, String section, String title, String stem, int points,
			List<String> pointLabels, List<ChartItem> items) implements Part {
	}

	/** One item of a chart: its paired means, and how each wave's answers spread over the points. */
	record ChartItem(String key, String label, Comparison means, Distribution pre, Distribution post) {
	}

	/** CFDS attendance: the summary table, then the top sessions' and the ranks' tables. */
	record Attendance(String kind, int number, int topNumber, int rankNumber, CfdsAttendance figures) implements Part {
	}

	/**
	 * One line of a paired comparison, as the evaluation shows it: every figure {@code null} when
	 * suppressed, and t-test figures {@code null} where undefined (e.g. all differences equal).
	 *
	 * @param pHolm p adjusted by Holm within its table
	 * @param pBh p adjusted by Benjamini-Hochberg within its table
	 */
	record Comparison(String key, String section, String label, boolean suppressed, Integer n, Double preMean,
			Double preSd, Double postMean, Double postSd, Double difference, Double ciLow, Double ciHigh, Double p,
			Double dz, Double pHolm, Double pBh) {

		/** The same row of one table adjusted by Holm and by Benjamini-Hochberg. */
		static Comparison of(ComparisonRow holm, ComparisonRow bh) {
			if (!holm.key().equals(bh.key()) || holm.suppressed() != bh.suppressed()) {
				throw new IllegalStateException("Rows of two adjustments differ: " + holm.key() + ", " + bh.key());
			}
			if (holm.suppressed()) {
				return new Comparison(holm.key(), holm.section(), holm.label(), true, null, null, null, null, null, null,
						null, null, null, null, null, null);
			}
			PairedFigures f = holm.figures();
			return new Comparison(holm.key(), holm.section(), holm.label(), false, f.n(), f.firstMean(), f.firstSd(),
					f.secondMean(), f.secondSd(), f.difference(), f.ciLow(), f.ciHigh(), f.p(), f.dz(), holm.pAdjusted(),
					bh.pAdjusted());
		}

	}

}
