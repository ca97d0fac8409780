package org.coachapproach.assessment.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

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
 * @param itemPoints per item, its first and second wave's answers per point over the respondents its
 * row counts (never each wave's respondents: the counts less the means would give away whoever
 * answered one wave only); for the evaluation report's figure, not an output of the survey report
 */
public record PrePostReport(String instrumentId, String title, String firstWave, String secondWave, String adjustment,
		Integer pairs, List<ComparisonRow> items, List<ComparisonRow> scales, List<ComparisonRow> retrospective,
		String subgroup, List<ComparisonRow> subgroups, String crossSubgroup,
		List<IntersectionRow> intersections, @JsonIgnore Map<String, List<Distribution>> itemPoints) {
}
