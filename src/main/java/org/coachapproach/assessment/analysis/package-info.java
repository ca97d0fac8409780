/**
 * Pre/post statistics for the self-assessments, checked against R on committed fixtures: paired
 * comparisons (t-test, Cohen's dz, Wilcoxon signed-rank), Holm and Benjamini–Hochberg adjusted p,
 * scale scores and Likert distributions. Pure Java over arrays: no Spring, no database. A missing
 * answer is {@code NaN}. See docs/statistics.md for what each figure means and its R equivalent.
 */
package org.coachapproach.assessment.analysis;
