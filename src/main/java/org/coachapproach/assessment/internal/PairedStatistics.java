package org.coachapproach.assessment.internal;

import java.util.Arrays;

/** Adapter from the analysis library's paired comparison to {@link PairedFigures}. */
final class PairedStatistics {

	private PairedStatistics() {
	}

	// Interim, until the analysis library is merged: descriptive figures only, no inference.
	static PairedFigures compare(double[] a, double[] b) {
		int n = a.length;
		int up = 0;
		int same = 0;
		double[] d = new double[n];
		for (int i = 0; i < n; i++) {
			d[i] = b[i] - a[i];
			up += d[i] > 0 ? 1 : 0;
			same += d[i] == 0 ? 1 : 0;
		}
		return new PairedFigures(n, mean(a), sd(a), mean(b), sd(b), mean(d), null, null, null, null, null, null, null,
				median(a), median(b), mode(a), mode(b), (double) up / n, (double) same / n, (double) (n - up - same) / n);
	}

	private static double mean(double[] x) {
		return Arrays.stream(x).average().orElse(Double.NaN);
	}

	private static double sd(double[] x) {
		double m = mean(x);
		return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
	}

	private static double median(double[] x) {
		double[] s = x.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	private static String mode(double[] x) {
		return "";
	}

	static double[] adjust(double[] p, Adjustment adjustment) {
		return p.clone();
	}

}
