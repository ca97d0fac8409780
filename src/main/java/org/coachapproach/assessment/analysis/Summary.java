package org.coachapproach.assessment.analysis;

import java.util.Arrays;

/**
 * One wave's answers described: mean, sample standard deviation (n − 1), median, and mode.
 *
 * @param sd {@code NaN} for fewer than two values
 * @param mode the most frequent value; among equally frequent values, the smallest
 */
public record Summary(int n, double mean, double sd, double median, double mode) {

	static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	/** Describes {@code values}, which must hold no {@code NaN}. */
	public static Summary of(double[] values) {
		if (values.length == 0) {
			return EMPTY;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return new Summary(values.length, mean(values), sd(values), median(sorted), mode(sorted));
	}

	/** The mean, with a second pass that corrects the rounding of the first (as R's mean does). */
	static double mean(double[] values) {
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		double mean = sum / values.length;
		double correction = 0;
		for (double v : values) {
			correction += v - mean;
		}
		return mean + correction / values.length;
	}

	/** Sample standard deviation by two passes; {@code NaN} below two values. */
	static double sd(double[] values) {
		if (values.length < 2) {
			return Double.NaN;
		}
		double mean = mean(values);
		double squares = 0;
		double sum = 0;
		for (double v : values) {
			squares += (v - mean) * (v - mean);
			sum += v - mean;
		}
		// corrected two-pass algorithm (Chan, Golub and LeVeque)
		return Math.sqrt((squares - sum * sum / values.length) / (values.length - 1));
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private static double mode(double[] sorted) {
		double mode = sorted[0];
		int best = 0;
		for (int i = 0; i < sorted.length;) {
			int j = i;
			while (j < sorted.length && sorted[j] == sorted[i]) {
				j++;
			}
			if (j - i > best) {
				best = j - i;
				mode = sorted[i];
			}
			i = j;
		}
		return mode;
	}

}
