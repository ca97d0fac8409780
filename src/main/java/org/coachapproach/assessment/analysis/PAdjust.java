package org.coachapproach.assessment.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * p values adjusted for multiple comparisons across a table, as R's {@code p.adjust}: a
 * missing p ({@code NaN}, R's NA) stays missing and the adjustment runs over the n p values
 * present, as R does.
 */
public final class PAdjust {

	private PAdjust() {
	}

	/** Holm's step-down adjustment ({@code p.adjust(p, "holm")}): controls the family-wise error rate. */
	public static double[] holm(double[] p) {
		int[] present = present(p);
		int n = present.length;
		// ascending p; cummax((n - i + 1) * p[o])
		Integer[] order = order(p, present, Comparator.naturalOrder());
		double[] adjusted = missing(p);
		double max = 0;
		for (int i = 0; i < n; i++) {
			max = Math.max(max, (n - i) * p[order[i]]);
			adjusted[order[i]] = Math.min(1, max);
		}
		return adjusted;
	}

	/** Benjamini and Hochberg's step-up adjustment ({@code p.adjust(p, "BH")}): controls the false discovery rate. */
	public static double[] benjaminiHochberg(double[] p) {
		int[] present = present(p);
		int n = present.length;
		// descending p, i = n..1; cummin(n / i * p[o])
		Integer[] order = order(p, present, Comparator.reverseOrder());
		double[] adjusted = missing(p);
		double min = Double.POSITIVE_INFINITY;
		for (int k = 0; k < n; k++) {
			int i = n - k;
			min = Math.min(min, (double) n / i * p[order[k]]);
			adjusted[order[k]] = Math.min(1, min);
		}
		return adjusted;
	}

	private static int[] present(double[] p) {
		for (double value : p) {
			if (!Double.isNaN(value) && (value < 0 || value > 1)) {
				throw new IllegalArgumentException("p = " + value + " is not a probability");
			}
		}
		return IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).toArray();
	}

	/** Indexes of the present p values sorted by p, ties in input order (R's order is stable). */
	private static Integer[] order(double[] p, int[] present, Comparator<Double> direction) {
		Integer[] order = Arrays.stream(present).boxed().toArray(Integer[]::new);
		Arrays.sort(order, (a, b) -> direction.compare(p[a], p[b]));
		return order;
	}

	private static double[] missing(double[] p) {
		double[] adjusted = new double[p.length];
		Arrays.fill(adjusted, Double.NaN);
		return adjusted;
	}

}
