package org.coachapproach.assessment.internal.report;

import org.coachapproach.assessment.PairedFigures;
import org.coachapproach.assessment.analysis.PairedComparison;

/** Adapter from the analysis library to what reports show ({@code NaN} becomes {@code null}: not shown, and valid JSON). */
final class PairedStatistics {

	private PairedStatistics() {
	}

	static PairedFigures compare(double[] first, double[] second) {
		PairedComparison c = PairedComparison.compare(first, second);
		int n = c.pairs();
		return new PairedFigures(n, c.pre().mean(), c.pre().sd(), c.post().mean(), c.post().sd(), c.meanDifference(),
				orNull(c.ciLow()), orNull(c.ciHigh()), orNull(c.t()), orNull(c.df()), orNull(c.p()), orNull(c.cohensDz()),
				orNull(c.wilcoxonP()), c.pre().median(), c.post().median(), mode(c.pre().mode()), mode(c.post().mode()),
				c.shareImproved(), c.shareUnchanged(), c.shareDeclined());
	}

	private static Double orNull(double value) {
		return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
	}

	private static String mode(double mode) {
		return Double.isNaN(mode) ? "" : mode == Math.rint(mode) ? String.valueOf((long) mode)
				: String.format(java.util.Locale.ROOT, "%.2f", mode);
	}

}
