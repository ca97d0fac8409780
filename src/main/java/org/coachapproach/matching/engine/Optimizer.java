package org.coachapproach.matching.engine;

import java.util.Arrays;

/**
 * An optimal assignment of mentees (rows) to mentors (columns) with capacities: the Hungarian
 * method in its shortest-augmenting-path form (Jonker–Volgenant / min-cost flow with
 * potentials), where a mentor is one column holding up to its capacity of rows rather than
 * that many repeated columns, and one extra column, "unmatched", takes any number of rows.
 *
 * <p>Order of goals: first as many mentees matched as possible, then the highest total
 * score. Mentees had to take part in the program, so staff would rather see everyone with a
 * decent mentor than a few perfect pairs and someone left out; the reverse order (highest
 * total first) can leave a mentee unmatched only because another pair scores higher. The
 * order comes from the cost of "unmatched": larger than any total score difference, so
 * matching one more mentee always wins.
 *
 * <p>Rows are added one by one; each addition is a Dijkstra search over reduced costs that
 * stops at the first column with room, so its cost is the number of mentees it had to move
 * times the number of mentors. Equal choices go to the lowest index: the same input gives
 * the same output.
 */
final class Optimizer {

	private Optimizer() {
	}

	/**
	 * @param score pair scores, {@code score[mentee][mentor]}, each in [0, maxScore], or
	 * negative where the pair is not allowed
	 * @param capacity how many mentees each mentor can take (0 or more)
	 * @return the mentor index of each mentee, or -1 when unmatched
	 */
	static int[] solve(int[][] score, int[] capacity, int maxScore) {
		int n = score.length;
		int m = capacity.length;
		int none = m;
		long inf = Long.MAX_VALUE / 4;
		// cost = maxScore - score (>= 0); unmatched costs more than any n pairs together.
		long unmatched = (long) (n + 1) * maxScore + 1;
		long[] u = new long[n];
		long[] v = new long[m + 1];
		int[] mentorOf = new int[n];
		Arrays.fill(mentorOf, -1);
		int[] load = new int[m + 1];
		int[][] rowsAt = new int[m][];
		for (int j = 0; j < m; j++) {
			rowsAt[j] = new int[Math.max(capacity[j], 0)];
		}
		long[] dist = new long[m + 1];
		int[] way = new int[m + 1];
		boolean[] done = new boolean[m + 1];
		int[] treeRows = new int[n];
		long[] entered = new long[n];
		int[] usedColumns = new int[m + 1];

		for (int r = 0; r < n; r++) {
			Arrays.fill(dist, inf);
			Arrays.fill(done, false);
			int treeSize = 0;
			int usedCount = 0;
			treeRows[treeSize] = r;
			entered[treeSize++] = 0;
			relax(r, 0, score[r], maxScore, unmatched, u, v, dist, way, done, m);
			int terminal;
			while (true) {
				int best = -1;
				long bestDist = inf;
				for (int j = 0; j <= m; j++) {
					if (!done[j] && dist[j] < bestDist) {
						bestDist = dist[j];
						best = j;
					}
				}
				done[best] = true;
				if (best == none || load[best] < capacity[best]) {
					terminal = best;
					break;
				}
				usedColumns[usedCount++] = best;
				int[] rows = rowsAt[best];
				for (int k = 0; k < load[best]; k++) {
					int i = rows[k];
					treeRows[treeSize] = i;
					entered[treeSize++] = bestDist;
					relax(i, bestDist, score[i], maxScore, unmatched, u, v, dist, way, done, m);
				}
			}
			long d = dist[terminal];
			for (int k = 0; k < treeSize; k++) {
				u[treeRows[k]] += d - entered[k];
			}
			for (int k = 0; k < usedCount; k++) {
				int j = usedColumns[k];
				v[j] -= d - dist[j];
			}
			// Augment: each row on the path moves to the column it reached.
			int j = terminal;
			while (true) {
				int i = way[j];
				int from = mentorOf[i];
				if (j != none) {
					rowsAt[j][load[j]++] = i;
				}
				mentorOf[i] = j == none ? -1 : j;
				if (from >= 0) {
					remove(rowsAt[from], load, from, i);
				}
				if (i == r) {
					break;
				}
				j = from;
			}
		}
		return mentorOf;
	}

	/** Offers every column to row {@code i}, which entered the search at distance {@code base}. */
	private static void relax(int i, long base, int[] scores, int maxScore, long unmatched, long[] u, long[] v,
			long[] dist, int[] way, boolean[] done, int m) {
		long offset = base - u[i];
		for (int j = 0; j < m; j++) {
			int s = scores[j];
			if (s >= 0 && !done[j]) {
				long d = maxScore - s - v[j] + offset;
				if (d < dist[j]) {
					dist[j] = d;
					way[j] = i;
				}
			}
		}
		long d = unmatched - v[m] + offset;
		if (d < dist[m]) {
			dist[m] = d;
			way[m] = i;
		}
	}

	private static void remove(int[] rows, int[] load, int column, int row) {
		int last = --load[column];
		for (int k = 0; k <= last; k++) {
			if (rows[k] == row) {
				rows[k] = rows[last];
				return;
			}
		}
		throw new IllegalStateException("row " + row + " not at column " + column);
	}

}
