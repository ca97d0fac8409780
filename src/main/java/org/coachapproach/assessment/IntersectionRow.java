package org.coachapproach.assessment;

/**
 * One cell of a two-way breakdown for one scale score: respondents in {@code rowGroup} of the
 * first subgroup question and {@code columnGroup} of the second. The comparison's {@code group}
 * names both ("Woman × Clinical professor").
 */
public record IntersectionRow(String rowGroup, String columnGroup, ComparisonRow comparison) {
}
