package org.coachapproach.assessment.internal;

/**
 * The figures of one paired comparison, as reports show them.
 *
 * @param firstMode the most frequent value(s), e.g. {@code "4"} or {@code "3, 4"}
 * @param improved share of respondents whose second answer is higher (0 to 1)
 */
public record PairedFigures(int n, double firstMean, double firstSd, double secondMean, double secondSd,
		double difference, Double ciLow, Double ciHigh, Double t, Double df, Double p, Double dz, Double wilcoxonP,
		double firstMedian, double secondMedian, String firstMode, String secondMode, double improved,
		double unchanged, double declined) {

	static PairedFigures of(double[] first, double[] second) {
		return PairedStatistics.compare(first, second);
	}

}
