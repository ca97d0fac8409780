package org.coachapproach.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optimiser against brute force on small random pools and against a greedy assignment on
 * larger ones, with fixed seeds so a failure can be replayed.
 */
class OptimizerTests {

	private static final int MAX = 1000;

	@Test
	void shouldFindTheBruteForceOptimumOnSmallPools() {
		for (long seed = 1; seed <= 400; seed++) {
			Random random = new Random(seed);
			int n = 1 + random.nextInt(6);
			int m = 1 + random.nextInt(4);
			int[][] score = randomScores(random, n, m, 0.3, random.nextBoolean() ? 4 : MAX);
			int[] capacity = randomCapacities(random, m, 0);
			int[] result = Optimizer.solve(score, capacity, MAX);
			assertValid(result, score, capacity);
			long[] best = bruteForce(score, capacity);
			assertThat(value(result, score)).as("seed %d", seed).containsExactly(best[0], best[1]);
		}
	}

	@Test
	void shouldNeverDoWorseThanGreedy() {
		for (long seed = 1; seed <= 60; seed++) {
			Random random = new Random(seed);
			int n = 20 + random.nextInt(80);
			int m = 5 + random.nextInt(40);
			int[][] score = randomScores(random, n, m, random.nextDouble() * 0.8, random.nextBoolean() ? 5 : MAX);
			int[] capacity = randomCapacities(random, m, 0);
			int[] result = Optimizer.solve(score, capacity, MAX);
			assertValid(result, score, capacity);
			long[] ours = value(result, score);
			long[] greedy = value(greedy(score, capacity), score);
			assertThat(ours[0]).as("seed %d: matched", seed).isGreaterThanOrEqualTo(greedy[0]);
			if (ours[0] == greedy[0]) {
				assertThat(ours[1]).as("seed %d: total", seed).isGreaterThanOrEqualTo(greedy[1]);
			}
		}
	}

	@Test
	void shouldMatchOneMoreMenteeRatherThanScoreHigher() {
		// Mentor 0 suits mentee 0 best, but only mentor 0 can take mentee 1.
		int[][] score = { { 900, 0 }, { 100, -1 } };
		assertThat(Optimizer.solve(score, new int[] { 1, 1 }, MAX)).containsExactly(1, 0);
	}

	@Test
	void shouldGiveEqualChoicesToTheLowestIndex() {
		int[][] score = { { 500, 500, 500 }, { 500, 500, 500 } };
		assertThat(Optimizer.solve(score, new int[] { 1, 1, 1 }, MAX)).containsExactly(0, 1);
		assertThat(Optimizer.solve(score, new int[] { 2, 1, 1 }, MAX)).containsExactly(0, 0);
	}

	@Test
	void shouldLeaveMenteesUnmatchedWhenPlacesRunOut() {
		int[][] score = { { 10, 20 }, { 30, 5 }, { 40, 40 }, { 1, 1 } };
		int[] result = Optimizer.solve(score, new int[] { 1, 2 }, MAX);
		assertValid(result, score, new int[] { 1, 2 });
		assertThat(Arrays.stream(result).filter(j -> j < 0).count()).isEqualTo(1);
		assertThat(value(result, score)).containsExactly(3, 90); // 30 + 20 + 40
	}

	static int[][] randomScores(Random random, int n, int m, double forbidden, int levels) {
		int[][] score = new int[n][m];
		for (int[] row : score) {
			for (int j = 0; j < m; j++) {
				row[j] = random.nextDouble() < forbidden ? -1 : random.nextInt(levels) * (MAX / Math.max(levels - 1, 1));
				row[j] = Math.min(row[j], MAX);
			}
		}
		return score;
	}

	static int[] randomCapacities(Random random, int m, int min) {
		int[] capacity = new int[m];
		for (int j = 0; j < m; j++) {
			capacity[j] = min + random.nextInt(4 - min);
		}
		return capacity;
	}

	static void assertValid(int[] result, int[][] score, int[] capacity) {
		int[] load = new int[capacity.length];
		for (int i = 0; i < result.length; i++) {
			if (result[i] >= 0) {
				assertThat(score[i][result[i]]).as("mentee %d gets an allowed mentor", i).isGreaterThanOrEqualTo(0);
				load[result[i]]++;
			}
		}
		for (int j = 0; j < capacity.length; j++) {
			assertThat(load[j]).as("mentor %d within capacity", j).isLessThanOrEqualTo(capacity[j]);
		}
	}

	/** {matched, total score}. */
	static long[] value(int[] result, int[][] score) {
		long matched = 0;
		long total = 0;
		for (int i = 0; i < result.length; i++) {
			if (result[i] >= 0) {
				matched++;
				total += score[i][result[i]];
			}
		}
		return new long[] { matched, total };
	}

	/** Best pairs first, each taken when both people are still free. */
	static int[] greedy(int[][] score, int[] capacity) {
		List<int[]> pairs = new ArrayList<>();
		for (int i = 0; i < score.length; i++) {
			for (int j = 0; j < capacity.length; j++) {
				if (score[i][j] >= 0) {
					pairs.add(new int[] { i, j });
				}
			}
		}
		pairs.sort(Comparator.<int[]>comparingInt(p -> -score[p[0]][p[1]]).thenComparingInt(p -> p[0])
			.thenComparingInt(p -> p[1]));
		int[] result = new int[score.length];
		Arrays.fill(result, -1);
		int[] left = capacity.clone();
		for (int[] p : pairs) {
			if (result[p[0]] < 0 && left[p[1]] > 0) {
				result[p[0]] = p[1];
				left[p[1]]--;
			}
		}
		return result;
	}

	private static long[] bruteForce(int[][] score, int[] capacity) {
		long[] best = { -1, -1 };
		search(0, score, capacity.clone(), 0, 0, best);
		return best;
	}

	private static void search(int i, int[][] score, int[] left, long matched, long total, long[] best) {
		if (i == score.length) {
			if (matched > best[0] || (matched == best[0] && total > best[1])) {
				best[0] = matched;
				best[1] = total;
			}
			return;
		}
		search(i + 1, score, left, matched, total, best);
		for (int j = 0; j < left.length; j++) {
			if (score[i][j] >= 0 && left[j] > 0) {
				left[j]--;
				search(i + 1, score, left, matched + 1, total + score[i][j], best);
				left[j]++;
			}
		}
	}

}
