package org.coachapproach.assessment.web;

/** A mean's 95% interval for the chart's whiskers, clipped to the scale. */
final class MeanInterval {

	private MeanInterval() {
	}

	static double[] of(double mean, double sd, int n, int points) {
		double half = TQuantile.at975(n - 1) * sd / Math.sqrt(n);
		return new double[] { ReportView.DotArrowChart.x(Math.max(1, mean - half), points),
				ReportView.DotArrowChart.x(Math.min(points, mean + half), points) };
	}

}
