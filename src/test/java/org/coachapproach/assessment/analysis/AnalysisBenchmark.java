package org.coachapproach.assessment.analysis;

import java.util.Arrays;
import java.util.Random;

/**
 * The in-memory part of the pre/post report: for a cohort of R respondents × 60 items × 2 waves,
 * every item's paired comparison and both waves' Likert distributions, the scale scores of six
 * 10-item sections and their paired comparisons, and Holm and BH across the table. Synthetic
 * answers (seeded): 1–5, a shift of about +0.3, 3 % missing. Prints a Markdown row per cohort
 * size: the median of the timed runs after warm-up, and the heap in use after the data are built.
 * Usage: AnalysisBenchmark [respondents,...] [runs]
 */
public final class AnalysisBenchmark {

	static final int ITEMS = 60;

	static final int SECTION = 10;

	private AnalysisBenchmark() {
	}

	public static void main(String[] args) {
		int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,50000").split(","))
			.mapToInt(Integer::parseInt).toArray();
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
		System.out.println("| respondents | answers | median of " + runs + " runs | min | heap used with the data |");
		System.out.println("|---:|---:|---:|---:|---:|");
		for (int size : sizes) {
			double[][][] cohort = cohort(size);
			long heap = usedHeapMb();
			for (int warm = 0; warm < 3; warm++) {
				report(cohort);
			}
			long[] times = new long[runs];
			for (int run = 0; run < runs; run++) {
				long t0 = System.nanoTime();
				Report report = report(cohort);
				times[run] = System.nanoTime() - t0;
				if (report.comparisons() != ITEMS + ITEMS / SECTION) {
					throw new IllegalStateException("incomplete report");
				}
			}
			Arrays.sort(times);
			System.out.printf("| %,d | %,d | %.1f ms | %.1f ms | %d MB |%n", size, 2L * size * ITEMS, times[runs / 2] / 1e6,
					times[0] / 1e6, heap);
		}
	}

	/** What the report computes; the checksum keeps the JIT from dropping any of it. */
	record Report(int comparisons, double checksum) {
	}

	static Report report(double[][][] cohort) {
		double[][] pre = cohort[0];
		double[][] post = cohort[1];
		int sections = ITEMS / SECTION;
		double[] p = new double[ITEMS + sections];
		double checksum = 0;
		for (int item = 0; item < ITEMS; item++) {
			PairedComparison c = PairedComparison.compare(pre[item], post[item]);
			p[item] = c.p();
			checksum += c.wilcoxonP() + c.pre().mode() + c.post().median();
			checksum += LikertDistribution.of(pre[item], 1, 5).percentTopTwo()
					+ LikertDistribution.of(post[item], 1, 5).percentTopTwo();
		}
		int respondents = pre[0].length;
		for (int s = 0; s < sections; s++) {
			double[] before = new double[respondents];
			double[] after = new double[respondents];
			double[] items = new double[SECTION];
			for (int r = 0; r < respondents; r++) {
				for (int i = 0; i < SECTION; i++) {
					items[i] = pre[s * SECTION + i][r];
				}
				before[r] = ScaleScore.of(items);
				for (int i = 0; i < SECTION; i++) {
					items[i] = post[s * SECTION + i][r];
				}
				after[r] = ScaleScore.of(items);
			}
			PairedComparison c = PairedComparison.compare(before, after);
			p[ITEMS + s] = c.p();
			checksum += c.wilcoxonP();
		}
		checksum += Arrays.stream(PAdjust.holm(p)).sum() + Arrays.stream(PAdjust.benjaminiHochberg(p)).sum();
		return new Report(p.length, checksum);
	}

	/** {pre, post}[item][respondent]: answers 1–5, {@code NaN} for 3 % missing. */
	static double[][][] cohort(int respondents) {
		Random random = new Random(42);
		double[][][] cohort = new double[2][ITEMS][respondents];
		for (int item = 0; item < ITEMS; item++) {
			for (int r = 0; r < respondents; r++) {
				int before = 1 + random.nextInt(5);
				int after = Math.max(1, Math.min(5, before + (random.nextInt(10) < 4 ? 1 : random.nextInt(3) - 1)));
				cohort[0][item][r] = random.nextInt(100) < 3 ? Double.NaN : before;
				cohort[1][item][r] = random.nextInt(100) < 3 ? Double.NaN : after;
			}
		}
		return cohort;
	}

	private static long usedHeapMb() {
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
	}

}
