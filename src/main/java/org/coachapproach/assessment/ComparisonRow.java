package org.coachapproach.assessment;

/**
 * One line of a pre/post table: an item or a scale score, for everyone or one subgroup, among
 * respondents with both waves. When {@code suppressed}, every figure is {@code null}.
 */
public record ComparisonRow(String key, String section, String label, String group, boolean suppressed,
		PairedFigures figures, Double pAdjusted) {

	public static ComparisonRow suppressed(String key, String section, String label, String group) {
		return new ComparisonRow(key, section, label, group, true, null, null);
	}

	ComparisonRow withAdjusted(Double p) {
		return new ComparisonRow(this.key, this.section, this.label, this.group, this.suppressed, this.figures, p);
	}

}
