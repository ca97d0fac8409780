package org.coachapproach.assessment.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * How answers spread over the points of a Likert scale (e.g. 1 "strongly disagree" … 5
 * "strongly agree"): count and percentage per point, the percentage in the top two points
 * ("agree or strongly agree") and in the bottom two, and where a diverging stacked bar starts
 * so that it is centred on the neutral point.
 *
 * @param n answers counted (missing answers are left out)
 * @param points every point of the scale, lowest first, with a count of 0 where nobody chose it
 */
public record LikertDistribution(int lowest, int highest, int n, List<Point> points) {

	/** One point of the scale; {@code percent} of the answers counted ({@code NaN} when none). */
	public record Point(int value, int count, double percent) {
	}

	public LikertDistribution {
		points = List.copyOf(points);
	}

	/**
	 * Counts answers ({@code NaN} = missing) on the scale {@code lowest..highest}.
	 *
	 * @throws IllegalArgumentException for an answer that is not a point of the scale
	 */
	public static LikertDistribution of(double[] answers, int lowest, int highest) {
		if (highest <= lowest) {
			throw new IllegalArgumentException("a scale from " + lowest + " to " + highest + " has no points");
		}
		int[] counts = new int[highest - lowest + 1];
		int n = 0;
		for (double answer : answers) {
			if (Double.isNaN(answer)) {
				continue;
			}
			if (answer != Math.rint(answer) || answer < lowest || answer > highest) {
				throw new IllegalArgumentException(answer + " is not a point of the scale " + lowest + " to " + highest);
			}
			counts[(int) answer - lowest]++;
			n++;
		}
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			points.add(new Point(lowest + i, counts[i], n == 0 ? Double.NaN : 100.0 * counts[i] / n));
		}
		return new LikertDistribution(lowest, highest, n, points);
	}

	/** Percentage of answers in the two highest points ("agreeing"). */
	public double percentTopTwo() {
		return percentBetween(this.highest - 1, this.highest);
	}

	/** Percentage of answers in the two lowest points. */
	public double percentBottomTwo() {
		return percentBetween(this.lowest, this.lowest + 1);
	}

	/** Percentage at the middle point of a scale with an odd number of points; 0 for an even one. */
	public double percentNeutral() {
		int size = this.highest - this.lowest + 1;
		return size % 2 == 0 ? (this.n == 0 ? Double.NaN : 0) : percentBetween(this.lowest + size / 2, this.lowest + size / 2);
	}

	/**
	 * Where a diverging stacked bar begins, in percent left of the centre line (a value ≤ 0): the
	 * points below the middle and half the neutral point lie left of it.
	 */
	public double divergingStart() {
		int size = this.highest - this.lowest + 1;
		double below = percentBetween(this.lowest, this.lowest + size / 2 - 1);
		return -(below + (size % 2 == 1 ? percentNeutral() / 2 : 0));
	}

	private double percentBetween(int from, int to) {
		if (this.n == 0) {
			return Double.NaN;
		}
		int count = 0;
		for (Point point : this.points) {
			if (point.value() >= from && point.value() <= to) {
				count += point.count();
			}
		}
		return 100.0 * count / this.n;
	}

}
