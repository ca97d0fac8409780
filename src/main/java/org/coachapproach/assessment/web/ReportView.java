package org.coachapproach.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coachapproach.assessment.internal.ComparisonRow;
import org.coachapproach.assessment.internal.Distribution;
import org.coachapproach.assessment.internal.IntersectionRow;
import org.coachapproach.assessment.internal.PairedFigures;

/** What the report page shows: every figure already formatted, and the charts' geometry. */
final class ReportView {

	private ReportView() {
	}

	/** One table row, formatted; {@code suppressed} rows show only their label. */
	record Row(String section, String label, String group, boolean suppressed, String n, String first, String second,
			String difference, String interval, String t, String df, String p, String pAdjusted, String dz,
			String wilcoxon, String medians, String modes, String change) {

		static Row of(ComparisonRow row) {
			if (row.suppressed()) {
				return new Row(row.section(), row.label(), row.group(), true, "", "", "", "", "", "", "", "", "", "", "", "",
						"", "");
			}
			PairedFigures f = row.figures();
			return new Row(row.section(), row.label(), row.group(), false, String.valueOf(f.n()),
					JournalFormat.meanSd(f.firstMean(), f.firstSd()), JournalFormat.meanSd(f.secondMean(), f.secondSd()),
					JournalFormat.number(f.difference(), 2), JournalFormat.interval(f.ciLow(), f.ciHigh()),
					JournalFormat.number(f.t(), 2), JournalFormat.number(f.df(), 0), JournalFormat.p(f.p()),
					JournalFormat.p(row.pAdjusted()), JournalFormat.number(f.dz(), 2), JournalFormat.p(f.wilcoxonP()),
					JournalFormat.number(f.firstMedian(), 1) + " / " + JournalFormat.number(f.secondMedian(), 1),
					f.firstMode() + " / " + f.secondMode(),
					JournalFormat.percent(100 * f.improved()) + " / " + JournalFormat.percent(100 * f.unchanged()) + " / "
							+ JournalFormat.percent(100 * f.declined()));
		}

	}

	/** One scale score by two subgroups crossed: its cells in order, each formatted as a {@link Row}. */
	record CrossTable(String key, String label, List<CrossCell> cells) {

		/** One table per scale score, in the report's order. */
		static List<CrossTable> of(List<IntersectionRow> rows) {
			Map<String, CrossTable> tables = new LinkedHashMap<>();
			for (IntersectionRow row : rows) {
				ComparisonRow comparison = row.comparison();
				tables.computeIfAbsent(comparison.key(), key -> new CrossTable(key, comparison.label(), new ArrayList<>()))
					.cells()
					.add(new CrossCell(row.rowGroup(), row.columnGroup(), Row.of(comparison)));
			}
			return List.copyOf(tables.values());
		}

	}

	record CrossCell(String rowGroup, String columnGroup, Row row) {
	}

	/** A dot-and-arrow chart of pre and post means on a 1-to-{@code points} axis. */
	record DotArrowChart(int width, int height, List<Tick> ticks, List<DotArrow> rows) {

		static final int LEFT = 40;

		static final int PLOT = 420;

		static final int ROW = 22;

		static DotArrowChart of(List<ComparisonRow> rows, int points) {
			List<DotArrow> shown = new ArrayList<>();
			int y = 30;
			int number = 0;
			for (ComparisonRow row : rows) {
				number++;
				if (row.suppressed()) {
					continue;
				}
				PairedFigures f = row.figures();
				shown.add(new DotArrow(number, row.label(), y, x(f.firstMean(), points), x(f.secondMean(), points),
						f.secondMean() >= f.firstMean(), MeanInterval.of(f.firstMean(), f.firstSd(), f.n(), points),
						MeanInterval.of(f.secondMean(), f.secondSd(), f.n(), points)));
				y += ROW;
			}
			List<Tick> ticks = new ArrayList<>();
			for (int v = 1; v <= points; v++) {
				ticks.add(new Tick(v, x(v, points)));
			}
			return new DotArrowChart(LEFT + PLOT + 20, y + 10, ticks, shown);
		}

		static double x(double value, int points) {
			return LEFT + (value - 1) / (points - 1) * PLOT;
		}

	}

	record Tick(int value, double x) {
	}

	/** One item: the pre dot, an arrow to the post dot, and each mean's 95% interval as whiskers. */
	record DotArrow(int number, String label, int y, double first, double second, boolean up, double[] firstInterval,
			double[] secondInterval) {
	}

	/** A diverging stacked bar: segments left of the neutral point go left of the centre line. */
	record DivergingBar(String label, int y, List<Segment> segments, double hiddenX, double hiddenWidth) {

		static final double CENTRE = 260;

		static final double HALF = 220;

		static DivergingBar of(Distribution d, int y) {
			List<Segment> segments = new ArrayList<>();
			int points = d.percents().size();
			double below = 0;
			int middle = points / 2;
			for (int i = 0; i < points; i++) {
				Double pct = d.percents().get(i);
				if (pct == null) {
					continue;
				}
				if (i < middle) {
					below += pct;
				}
				else if (i == middle && points % 2 == 1) {
					below += pct / 2;
				}
			}
			double x = CENTRE - below / 100 * HALF;
			double hidden = 100;
			for (int i = 0; i < points; i++) {
				Double pct = d.percents().get(i);
				if (pct == null) {
					continue;
				}
				hidden -= pct;
				double w = pct / 100 * HALF;
				segments.add(new Segment(x, w, "seg-" + (points == 5 ? i + 1 : (i * 4 / Math.max(points - 1, 1)) + 1),
						d.labels().get(i), JournalFormat.percent(pct)));
				x += w;
			}
			return new DivergingBar(d.text(), y, segments, x, Math.max(0, hidden) / 100 * HALF);
		}

	}

	record Segment(double x, double width, String style, String label, String percent) {
	}

}
