package org.coachapproach.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The pre/post tables of one instrument in a course.
 *
 * @param firstWave usually {@code pre}
 * @param secondWave {@code post} or {@code follow-up}
 * @param adjustment {@code none}, {@code holm} or {@code bh}: how {@code pAdjusted} was computed, per table
 * (one analysis gives every adjustment: see {@link #adjusted})
 * @param pairs respondents with both waves, or {@code null} when fewer than five
 * @param retrospective each retrospective item's "then" answer against the post one
 * @param subgroups the chosen breakdown, empty when none
 * @param crossSubgroup the second subgroup question, crossed with {@code subgroup}; {@code null} when none
 * @param intersections per cell of the two-way breakdown, every scale score; empty when none
 * @param itemPoints per item, its first and second wave's answers per point over the respondents its
 * row counts (never each wave's respondents: the counts less the means would give away whoever
 * answered one wave only); for the evaluation report's figure, not an output of the survey report
 */
public record PrePostReport(String instrumentId, String title, String firstWave, String secondWave, String adjustment,
		Integer pairs, List<ComparisonRow> items, List<ComparisonRow> scales, List<ComparisonRow> retrospective,
		String subgroup, List<ComparisonRow> subgroups, String crossSubgroup,
		List<IntersectionRow> intersections, @JsonIgnore Map<String, List<Distribution>> itemPoints) {

	/**
	 * The same tables with p adjusted by {@code adjustment} within each table: the whole list for
	 * items, scale scores and retrospective items, each group's rows for the breakdowns. The
	 * figures are not computed again, so one analysis serves every adjustment.
	 */
	public PrePostReport adjusted(Adjustment adjustment) {
		int perGroup = this.scales.size() + this.items.size();
		List<IntersectionRow> crossed = new ArrayList<>();
		List<ComparisonRow> crossedRows = adjust(this.intersections.stream().map(IntersectionRow::comparison).toList(),
				this.scales.size(), adjustment);
		for (int i = 0; i < crossedRows.size(); i++) {
			IntersectionRow row = this.intersections.get(i);
			crossed.add(new IntersectionRow(row.rowGroup(), row.columnGroup(), crossedRows.get(i)));
		}
		return new PrePostReport(this.instrumentId, this.title, this.firstWave, this.secondWave, adjustment.label(),
				this.pairs, adjust(this.items, this.items.size(), adjustment),
				adjust(this.scales, this.scales.size(), adjustment),
				adjust(this.retrospective, this.retrospective.size(), adjustment), this.subgroup,
				adjust(this.subgroups, perGroup, adjustment), this.crossSubgroup, crossed, this.itemPoints);
	}

	/** Adjusts p within each run of {@code tableSize} rows (a breakdown lists its cells' tables one after another). */
	private static List<ComparisonRow> adjust(List<ComparisonRow> rows, int tableSize, Adjustment adjustment) {
		List<ComparisonRow> result = new ArrayList<>(rows.size());
		for (int start = 0; start < rows.size(); start += Math.max(tableSize, 1)) {
			List<ComparisonRow> table = rows.subList(start, Math.min(rows.size(), start + Math.max(tableSize, 1)));
			List<Integer> tested = new ArrayList<>();
			for (int i = 0; i < table.size(); i++) {
				ComparisonRow row = table.get(i);
				if (!row.suppressed() && row.figures().p() != null && !row.figures().p().isNaN()) {
					tested.add(i);
				}
			}
			double[] adjusted = adjustment.apply(tested.stream().mapToDouble(i -> table.get(i).figures().p()).toArray());
			List<ComparisonRow> out = new ArrayList<>();
			for (ComparisonRow row : table) {
				out.add(row.withAdjusted(null));
			}
			if (adjustment != Adjustment.NONE) {
				for (int j = 0; j < tested.size(); j++) {
					out.set(tested.get(j), table.get(tested.get(j)).withAdjusted(adjusted[j]));
				}
			}
			result.addAll(out);
		}
		return List.copyOf(result);
	}

}
