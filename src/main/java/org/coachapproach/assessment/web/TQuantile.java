package org.coachapproach.assessment.web;

import org.apache.commons.statistics.distribution.TDistribution;

/** The t distribution's 97.5th percentile, for 95% intervals. */
final class TQuantile {

	private TQuantile() {
	}

	static double at975(int df) {
		return df < 1 ? Double.NaN : TDistribution.of(df).inverseCumulativeProbability(0.975);
	}

}
