package org.coachapproach.assessment;



/**
 * The figures of one paired comparison, as reports show them.
 *
 * @param firstMode the most frequent value (the smallest of equally frequent ones)
 * @param ciLow {@code null} where a figure is undefined (e.g. all differences equal), as for t, df, p, dz and wilcoxonP
 * @param improved share of respondents whose second answer is higher (0 to 1)
 */
public record PairedFigures(int n, double firstMean, double firstSd, double secondMean, double secondSd,
		double difference, Double ciLow, Double ciHigh, Double t, Double df, Double p, Double dz, Double wilcoxonP,
		double firstMedian, double secondMedian, String firstMode, String secondMode, double improved,
		double unchanged, double declined) {

}
