package org.coachapproach.assessment.analysis;

import java.util.Arrays;

import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Pre versus post for one item or scale score, among respondents with both waves: what R's
 * {@code t.test(post, pre, paired = TRUE)} and {@code wilcox.test(post, pre, paired = TRUE)}
 * report, with Cohen's dz, medians, modes and the shares improved, unchanged and declined.
 * Differences are post − pre, so a gain is positive.
 *
 * @param pairs respondents with both answers (pairs with a missing side are dropped)
 * @param dropped pairs dropped because one side (or both) was missing
 * @param meanDifference mean of post − pre
 * @param ciLow lower end of the 95 % confidence interval of the mean difference
 * @param ciHigh upper end of that interval
 * @param t paired t statistic
 * @param df degrees of freedom, pairs − 1
 * @param p two-sided p of the paired t-test
 * @param cohensDz mean difference / SD of the differences
 * @param wilcoxonV R's V: the sum of the ranks of the positive differences (zeros dropped)
 * @param wilcoxonP two-sided p of the Wilcoxon signed-rank test, as R computes it
 * @param wilcoxonExact whether that p is exact (fewer than 50 non-zero differences, no ties, no
 * zeros) or from the normal approximation with tie and continuity correction
 * @param notComputable why nothing could be compared, or {@code null} when the comparison stands
 * @param tUndefined why t, p, its interval and dz are {@code NaN}, or {@code null}
 * @param wilcoxonUndefined why the Wilcoxon p is {@code NaN}, or {@code null}
 */
public record PairedComparison(int pairs, int dropped, Summary pre, Summary post, double meanDifference,
		double ciLow, double ciHigh, double t, double df, double p, double cohensDz, double wilcoxonV,
		double wilcoxonP, boolean wilcoxonExact, int improved, int unchanged, int declined, Reason notComputable,
		Reason tUndefined, Reason wilcoxonUndefined) {

	/** The confidence level of the interval of the mean difference. */
	public static final double CONFIDENCE = 0.95;

	/** R's t.test: differences whose standard error is below this share of their mean are "essentially constant". */
	private static final double CONSTANT = 10 * Math.ulp(1.0);

	/** R's wilcox.test: an exact p below 50 non-zero differences, when there are no ties or zeros. */
	private static final int EXACT_BELOW = 50;

	private static final WilcoxonSignedRankTest WILCOXON = WilcoxonSignedRankTest.withDefaults()
		.with(AlternativeHypothesis.TWO_SIDED)
		.with(ContinuityCorrection.ENABLED);

	/** Why a figure is absent. */
	public enum Reason {

		/** Fewer than two respondents answered both waves. */
		FEWER_THAN_TWO_PAIRS,
		/** Every difference is the same: the SD of the differences is 0 (R: "data are essentially constant"). */
		DIFFERENCES_ALL_EQUAL,
		/** Every difference is 0: no one changed, so the signed-rank test has nothing to rank. */
		DIFFERENCES_ALL_ZERO

	}

	/**
	 * Compares paired answers; {@code pre[i]} and {@code post[i]} are one respondent's, {@code NaN}
	 * for a missing answer.
	 *
	 * @throws IllegalArgumentException when the arrays differ in length or hold an infinity
	 */
	public static PairedComparison compare(double[] pre, double[] post) {
		if (pre.length != post.length) {
			throw new IllegalArgumentException("pre has " + pre.length + " answers, post " + post.length);
		}
		double[] x = new double[pre.length];
		double[] y = new double[pre.length];
		int n = 0;
		for (int i = 0; i < pre.length; i++) {
			if (Double.isInfinite(pre[i]) || Double.isInfinite(post[i])) {
				throw new IllegalArgumentException("answer " + i + " is infinite");
			}
			if (!Double.isNaN(pre[i]) && !Double.isNaN(post[i])) {
				x[n] = pre[i];
				y[n] = post[i];
				n++;
			}
		}
		x = Arrays.copyOf(x, n);
		y = Arrays.copyOf(y, n);
		double[] d = new double[n];
		int improved = 0;
		int unchanged = 0;
		int declined = 0;
		for (int i = 0; i < n; i++) {
			d[i] = y[i] - x[i];
			if (d[i] > 0) {
				improved++;
			}
			else if (d[i] < 0) {
				declined++;
			}
			else {
				unchanged++;
			}
		}
		int dropped = pre.length - n;
		Summary before = Summary.of(x);
		Summary after = Summary.of(y);
		double nan = Double.NaN;
		if (n < 2) {
			return new PairedComparison(n, dropped, before, after, n == 0 ? nan : d[0], nan, nan, nan, nan, nan, nan,
					nan, nan, false, improved, unchanged, declined, Reason.FEWER_THAN_TWO_PAIRS,
					Reason.FEWER_THAN_TWO_PAIRS, Reason.FEWER_THAN_TWO_PAIRS);
		}
		double mean = Summary.mean(d);
		double sd = Summary.sd(d);
		double df = n - 1;
		double t = nan;
		double p = nan;
		double low = nan;
		double high = nan;
		double dz = nan;
		Reason tUndefined = null;
		double se = sd / Math.sqrt(n);
		if (unchanged == n) {
			tUndefined = Reason.DIFFERENCES_ALL_ZERO;
		}
		else if (se < CONSTANT * Math.abs(mean)) {
			tUndefined = Reason.DIFFERENCES_ALL_EQUAL;
		}
		else {
			TDistribution distribution = TDistribution.of(df);
			t = mean / se;
			p = 2 * distribution.survivalProbability(Math.abs(t));
			double q = distribution.inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
			low = mean - q * se;
			high = mean + q * se;
			dz = mean / sd;
		}
		double v = 0;
		double wilcoxonP = nan;
		boolean exact = false;
		Reason wilcoxonUndefined = null;
		if (unchanged == n) {
			wilcoxonUndefined = Reason.DIFFERENCES_ALL_ZERO;
		}
		else {
			// R drops zero differences before ranking (Commons would rank them, then drop them)
			double[] nonZero = Arrays.stream(d).filter(z -> z != 0).toArray();
			exact = nonZero.length < EXACT_BELOW && unchanged == 0 && !tied(nonZero);
			WilcoxonSignedRankTest.Result result = WILCOXON
				.with(exact ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
				.test(nonZero);
			v = result.getStatistic();
			wilcoxonP = result.getPValue();
		}
		return new PairedComparison(n, dropped, before, after, mean, low, high, t, df, p, dz, v, wilcoxonP, exact,
				improved, unchanged, declined, null, tUndefined, wilcoxonUndefined);
	}

	/** Whether two absolute values are equal (R's ranks are of the exact values). */
	private static boolean tied(double[] differences) {
		double[] magnitudes = Arrays.stream(differences).map(Math::abs).sorted().toArray();
		for (int i = 1; i < magnitudes.length; i++) {
			if (magnitudes[i] == magnitudes[i - 1]) {
				return true;
			}
		}
		return false;
	}

	/** Whether the comparison stands (at least two pairs). */
	public boolean computable() {
		return this.notComputable == null;
	}

	public double shareImproved() {
		return share(this.improved);
	}

	public double shareUnchanged() {
		return share(this.unchanged);
	}

	public double shareDeclined() {
		return share(this.declined);
	}

	private double share(int count) {
		return this.pairs == 0 ? Double.NaN : (double) count / this.pairs;
	}

}
