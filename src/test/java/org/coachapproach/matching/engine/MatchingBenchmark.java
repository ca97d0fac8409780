package org.coachapproach.matching.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.coachapproach.matching.engine.Preference.Direction;

/**
 * Matching benchmark: a whole pool of random intakes (option lists the size of the program's:
 * 11 divisions, 24 specialties, 5 gender identities, 8 race/ethnicity options, 20 professional
 * and 16 non-professional interests), mentors of capacity 1–3, default weights, a fixed seed.
 * Times {@link Matcher#match} (scoring every pair, the optimal assignment and its explanation)
 * three times per size, and reports the median and slowest time and the peak heap.
 *
 * <p>{@code benchmarks/matching.sh [mentors] [mentee counts...]}; defaults 1000 mentors and
 * 100 250 500 1000 2000 mentees.
 */
public final class MatchingBenchmark {

	/** The program's default weights (curriculum/intake/matching.yml). */
	static final Weights WEIGHTS = new Weights(Map.of(Criterion.SPECIALTY, 30, Criterion.PROFESSIONAL_INTERESTS, 25,
			Criterion.GENDER_IDENTITY, 20, Criterion.DIVISION, 10, Criterion.RACE_ETHNICITY, 10,
			Criterion.NON_PROFESSIONAL_INTERESTS, 5));

	private static final java.util.Set<Criterion> SEVERAL = java.util.EnumSet.of(Criterion.RACE_ETHNICITY,
			Criterion.PROFESSIONAL_INTERESTS, Criterion.NON_PROFESSIONAL_INTERESTS);

	private static final Map<Criterion, Integer> OPTIONS = Map.of(Criterion.DIVISION, 11, Criterion.SPECIALTY, 24,
			Criterion.GENDER_IDENTITY, 5, Criterion.RACE_ETHNICITY, 8, Criterion.PROFESSIONAL_INTERESTS, 20,
			Criterion.NON_PROFESSIONAL_INTERESTS, 16);

	private MatchingBenchmark() {
	}

	public static void main(String[] args) {
		int mentors = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		List<Integer> sizes = new ArrayList<>();
		for (int k = 1; k < args.length; k++) {
			sizes.add(Integer.parseInt(args[k]));
		}
		if (sizes.isEmpty()) {
			sizes = List.of(100, 250, 500, 1000, 2000);
		}
		// Warm-up on a small pool so the JIT has compiled the hot loops, as in a running server.
		run(200, 100, 99, null);
		System.out.printf(Locale.ROOT, "%8s %8s %8s %8s %10s %10s %12s %10s%n", "mentees", "mentors", "places",
				"matched", "median ms", "max ms", "mean score", "peak MB");
		for (int mentees : sizes) {
			long[] times = new long[3];
			for (int k = 0; k < times.length; k++) {
				times[k] = run(mentees, mentors, 7, k == times.length - 1 ? times : null);
			}
		}
	}

	/** @param print when given, the times of the earlier runs: prints the row */
	private static long run(int mentees, int mentors, long seed, long[] print) {
		Random random = new Random(seed);
		List<Profile> mentorPool = new ArrayList<>();
		int places = 0;
		for (int k = 0; k < mentors; k++) {
			Profile p = profile(random, 1_000_000 + k, 1 + random.nextInt(3));
			places += p.capacity();
			mentorPool.add(p);
		}
		List<Profile> menteePool = new ArrayList<>();
		for (int k = 0; k < mentees; k++) {
			menteePool.add(profile(random, k, 0));
		}
		System.gc();
		resetPeaks();
		long started = System.nanoTime();
		Proposal proposal = new Matcher(WEIGHTS).match(menteePool, mentorPool, List.of());
		long ms = (System.nanoTime() - started) / 1_000_000;
		if (print != null) {
			print[print.length - 1] = ms;
			long[] sorted = print.clone();
			java.util.Arrays.sort(sorted);
			double mean = proposal.pairs().isEmpty() ? 0
					: 100.0 * proposal.totalScore() / proposal.pairs().size() / proposal.maxScore();
			System.out.printf(Locale.ROOT, "%8d %8d %8d %8d %10d %10d %11.1f%% %10d%n", mentees, mentors, places,
					proposal.pairs().size(), sorted[sorted.length / 2], sorted[sorted.length - 1], mean, peakHeapMb());
		}
		return ms;
	}

	/** A random intake: one answer per single-choice criterion, 1–4 for the others; a few preferences, some required. */
	static Profile profile(Random random, long id, int capacity) {
		Map<Criterion, Long> answers = new EnumMap<>(Criterion.class);
		Map<Criterion, Preference> preferences = new EnumMap<>(Criterion.class);
		for (Criterion criterion : Criterion.values()) {
			int count = OPTIONS.get(criterion);
			long bits = 0;
			int picks = SEVERAL.contains(criterion) ? 1 + random.nextInt(4) : 1;
			for (int k = 0; k < picks; k++) {
				bits |= 1L << random.nextInt(count);
			}
			answers.put(criterion, bits);
			double roll = random.nextDouble();
			if (roll < 0.35) {
				preferences.put(criterion, new Preference(Direction.SAME, random.nextDouble() < 0.05));
			}
			else if (roll < 0.45) {
				preferences.put(criterion, new Preference(Direction.DIFFERENT, random.nextDouble() < 0.05));
			}
		}
		return new Profile(id, capacity, answers, preferences);
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeapMb() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum() / (1024 * 1024);
	}

}
