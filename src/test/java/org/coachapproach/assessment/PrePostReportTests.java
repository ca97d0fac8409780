package org.coachapproach.assessment;

import java.util.List;
import java.util.Map;

import org.coachapproach.assessment.analysis.PAdjust;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One pre/post analysis serves every p adjustment: the report adjusts its own p-values within
 * each table, as the analysis did when it ran once per adjustment.
 */
class PrePostReportTests {

	@Test
	void shouldAdjustWithinEachTableAndEachGroupNotAcrossThem() {
		PrePostReport run = report();

		PrePostReport holm = run.adjusted(Adjustment.HOLM);

		assertThat(holm.adjustment()).isEqualTo("holm");
		assertThat(adjusted(holm.items())).containsExactly(PAdjust.holm(new double[] { 0.01, 0.04 })[0],
				PAdjust.holm(new double[] { 0.01, 0.04 })[1], null);
		assertThat(adjusted(holm.scales())).containsExactly(PAdjust.holm(new double[] { 0.02, 0.03 })[0],
				PAdjust.holm(new double[] { 0.02, 0.03 })[1]);
		// a breakdown: one table per group of scales + items (5 rows), adjusted apart
		double[] first = PAdjust.holm(new double[] { 0.01, 0.02, 0.03, 0.04 });
		double[] second = PAdjust.holm(new double[] { 0.2, 0.3, 0.001, 0.5 });
		assertThat(adjusted(holm.subgroups())).containsExactly(first[0], first[1], first[2], first[3], null, second[0],
				second[1], second[2], second[3], null);
		// crossed: one table per cell of the scale scores (2 rows)
		assertThat(holm.intersections().stream().map(r -> r.comparison().pAdjusted()).toList()).containsExactly(
				PAdjust.holm(new double[] { 0.01, 0.04 })[0], PAdjust.holm(new double[] { 0.01, 0.04 })[1],
				PAdjust.holm(new double[] { 0.3, 0.02 })[0], PAdjust.holm(new double[] { 0.3, 0.02 })[1]);
		assertThat(holm.intersections().get(2).rowGroup()).isEqualTo("B");
	}

	@Test
	void shouldGiveBothAdjustmentsFromOneRunWithoutChangingTheFigures() {
		PrePostReport run = report();

		PrePostReport holm = run.adjusted(Adjustment.HOLM);
		PrePostReport bh = run.adjusted(Adjustment.BH);

		assertThat(adjusted(bh.items())).containsExactly(PAdjust.benjaminiHochberg(new double[] { 0.01, 0.04 })[0],
				PAdjust.benjaminiHochberg(new double[] { 0.01, 0.04 })[1], null);
		assertThat(adjusted(holm.scales())).isNotEqualTo(adjusted(bh.scales()));
		assertThat(holm.items().stream().map(ComparisonRow::figures).toList())
			.isEqualTo(run.items().stream().map(ComparisonRow::figures).toList());
		assertThat(adjusted(holm.adjusted(Adjustment.NONE).items())).containsExactly(null, null, null);
		assertThat(run.adjusted(Adjustment.NONE)).isEqualTo(run);
	}

	private static List<Double> adjusted(List<ComparisonRow> rows) {
		return rows.stream().map(ComparisonRow::pAdjusted).toList();
	}

	private static PrePostReport report() {
		List<ComparisonRow> scales = List.of(row("s1", null, 0.02), row("s2", null, 0.03));
		List<ComparisonRow> items = List.of(row("i1", null, 0.01), row("i2", null, 0.04),
				ComparisonRow.suppressed("i3", null, "i3", null));
		List<ComparisonRow> subgroups = List.of(row("s1", "A", 0.01), row("s2", "A", 0.02), row("i1", "A", 0.03),
				row("i2", "A", 0.04), ComparisonRow.suppressed("i3", null, "i3", "A"), row("s1", "B", 0.2),
				row("s2", "B", 0.3), row("i1", "B", 0.001), row("i2", "B", 0.5),
				ComparisonRow.suppressed("i3", null, "i3", "B"));
		List<IntersectionRow> crossed = List.of(new IntersectionRow("A", "X", row("s1", "A × X", 0.01)),
				new IntersectionRow("A", "X", row("s2", "A × X", 0.04)),
				new IntersectionRow("B", "X", row("s1", "B × X", 0.3)),
				new IntersectionRow("B", "X", row("s2", "B × X", 0.02)));
		return new PrePostReport("mentor-prepost", "Mentors", "pre", "post", "none", 12, items, scales, List.of(), "q",
				subgroups, "r", crossed, Map.of());
	}

	private static ComparisonRow row(String key, String group, double p) {
		return new ComparisonRow(key, null, key, group, false, new PairedFigures(12, 3, 1, 4, 1, 1, 0.5, 1.5, 2.0, 11.0,
				p, 0.6, p, 3, 4, "3", "4", 0.5, 0.3, 0.2), null);
	}

}
