package org.coachapproach.assessment.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coachapproach.assessment.CohortComparisonReport;
import org.coachapproach.assessment.ComparisonRow;
import org.coachapproach.assessment.Distribution;
import org.coachapproach.assessment.IntersectionRow;
import org.coachapproach.assessment.PairedFigures;

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

	/** One cohort's gain in a side-by-side table, formatted; a {@code suppressed} cell shows a dash and why. */
	record GainCell(boolean suppressed, String n, String gain, String interval, String dz, String p) {

		static GainCell of(CohortComparisonReport.Gain g) {
			if (g.suppressed()) {
				return new GainCell(true, "", "", "", "", "");
			}
			return new GainCell(false, String.valueOf(g.n()), JournalFormat.number(g.gain(), 2),
					JournalFormat.interval(g.ciLow(), g.ciHigh()), JournalFormat.number(g.dz(), 2), JournalFormat.p(g.p()));
		}

	}

	/** A measure's row of the side-by-side table: one {@link GainCell} per cohort. */
	record GainRow(String key, String label, List<GainCell> cells) {

		static List<GainRow> of(List<CohortComparisonReport.Measure> measures) {
			return measures.stream()
				.map(m -> new GainRow(m.key(), m.label(), m.gains().stream().map(GainCell::of).toList()))
				.toList();
		}

	}

	/**
	 * A scale score's gain over the cohorts: x the cohorts in order, y the mean gain with its 95%
	 * interval as whiskers, and a line at zero (no change). A suppressed cohort keeps its place
	 * on the axis with a dash; {@code cells} are the same figures for the data table after it.
	 */
	record TrendChart(String key, String label, int width, int height, double zeroY, double plotLeft, double plotRight,
			List<AxisTick> ticks, List<TrendPoint> points, List<GainCell> cells) {

		static final int LEFT = 56;

		static final int TOP = 16;

		static final int PLOT_HEIGHT = 180;

		static final int COLUMN = 110;

		static TrendChart of(CohortComparisonReport.Measure measure, List<String> cohorts) {
			double low = 0;
			double high = 0;
			for (CohortComparisonReport.Gain g : measure.gains()) {
				if (!g.suppressed()) {
					low = Math.min(low, g.ciLow() == null ? g.gain() : Math.min(g.ciLow(), g.gain()));
					high = Math.max(high, g.ciHigh() == null ? g.gain() : Math.max(g.ciHigh(), g.gain()));
				}
			}
			double step = step(high - low);
			double bottom = Math.floor(low / step) * step;
			double top = Math.max(Math.ceil(high / step) * step, bottom + step);
			List<AxisTick> ticks = new ArrayList<>();
			for (int i = 0; bottom + i * step <= top + step / 1000; i++) {
				double v = bottom + i * step;
				ticks.add(new AxisTick(JournalFormat.number(Math.abs(v) < step / 1000 ? 0.0 : v, step < 0.1 ? 2 : step < 1 ? 1 : 0),
						y(v, bottom, top)));
			}
			List<TrendPoint> points = new ArrayList<>();
			for (int c = 0; c < cohorts.size(); c++) {
				CohortComparisonReport.Gain g = measure.gains().get(c);
				double x = LEFT + COLUMN * (c + 0.5);
				points.add(g.suppressed() ? new TrendPoint(cohorts.get(c), x, false, y(0, bottom, top), null, null)
						: new TrendPoint(cohorts.get(c), x, true, y(g.gain(), bottom, top),
								g.ciLow() == null ? null : y(g.ciLow(), bottom, top),
								g.ciHigh() == null ? null : y(g.ciHigh(), bottom, top)));
			}
			int width = LEFT + COLUMN * cohorts.size() + 10;
			return new TrendChart(measure.key(), measure.label(), width, TOP + PLOT_HEIGHT + 40, y(0, bottom, top), LEFT,
					width - 10, ticks, points, measure.gains().stream().map(GainCell::of).toList());
		}

		/** A round step giving about four ticks over the range: 1, 2 or 5 times a power of ten. */
		static double step(double range) {
			double raw = Math.max(range, 0.1) / 4;
			double power = Math.pow(10, Math.floor(Math.log10(raw)));
			double scaled = raw / power;
			return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
		}

		static double y(double value, double bottom, double top) {
			return TOP + (top - value) / (top - bottom) * PLOT_HEIGHT;
		}

	}

	record AxisTick(String label, double y) {
	}

	/** One cohort on the trend chart; {@code low} and {@code high} are {@code null} where the interval is undefined. */
	record TrendPoint(String cohort, double x, boolean shown, double y, Double low, Double high) {
	}

}
