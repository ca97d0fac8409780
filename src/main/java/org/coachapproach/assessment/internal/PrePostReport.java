package org.coachapproach.assessment.internal;

import java.util.List;

/**
 * The pre/post tables of one instrument in a course.
 *
 * @param firstWave usually {@code pre}
 * @param secondWave {@code post} or {@code follow-up}
 * @param adjustment {@code none}, {@code holm} or {@code bh}: how {@code pAdjusted} was computed, per table
 * @param pairs respondents with both waves, or {@code null} when fewer than five
 * @param retrospective each retrospective item's "then" answer against the post one
 * @param subgroups the chosen breakdown, empty when none
 * @param crossSubgroup the second subgroup question, crossed with {@code subgroup}; {@code null} when none
 * @param intersections per cell of the two-way breakdown, every scale score; empty when none
 */
public record PrePostReport(String instrumentId, String title, String firstWave, String secondWave, String adjustment,
		Integer pairs, List<ComparisonRow> items, List<ComparisonRow> scales, List<ComparisonRow> retrospective,
		String subgroup, List<ComparisonRow> subgroups, String crossSubgroup,
		List<IntersectionRow> intersections) {
}
