package org.coachapproach.assessment.internal;

import java.util.Arrays;

/**
 * Small-cell suppression. A cell with fewer than the threshold of respondents is hidden; so
 * that a hidden cell cannot be recovered by subtracting the shown cells from a shown total,
 * further cells are hidden (smallest first) until the hidden cells together hold either no
 * one or at least the threshold. Cells that are always hidden (e.g. "prefer not to say" in a
 * subgroup breakdown) take part in that sum, since the total includes them too.
 */
public final class Suppression {

	/** Fewest respondents a shown figure may rest on. */
	public static final int MIN_CELL = 5;

	/** Fewest respondents for free-text comments to be shown. */
	public static final int MIN_TEXT = 10;

	private Suppression() {
	}

	/**
	 * @param counts respondents per cell of a partition of one total
	 * @param alwaysHidden cells never shown (may be {@code null})
	 * @return per cell, whether it may be shown
	 */
	public static boolean[] shown(int[] counts, boolean[] alwaysHidden, int threshold) {
		boolean[] shown = new boolean[counts.length];
		int hiddenSum = 0;
		for (int i = 0; i < counts.length; i++) {
			boolean hide = (alwaysHidden != null && alwaysHidden[i]) || (counts[i] > 0 && counts[i] < threshold);
			shown[i] = !hide;
			if (hide) {
				hiddenSum += counts[i];
			}
		}
		while (hiddenSum > 0 && hiddenSum < threshold) {
			int smallest = -1;
			for (int i = 0; i < counts.length; i++) {
				if (shown[i] && counts[i] > 0 && (smallest < 0 || counts[i] < counts[smallest])) {
					smallest = i;
				}
			}
			if (smallest < 0) {
				break;
			}
			shown[smallest] = false;
			hiddenSum += counts[smallest];
		}
		return shown;
	}

	/** Whether a single figure resting on {@code n} respondents may be shown. */
	public static boolean mayShow(int n, int threshold) {
		return n >= threshold;
	}

	/**
	 * Whether a figure that adds some cells of a partition (e.g. "% agree", the top two) may be
	 * shown given what else is shown: when all its cells are shown, or when every hidden cell is
	 * among them (then it equals the total less the shown cells anyway, and the hidden cells
	 * together reach the threshold).
	 */
	public static boolean mayShowSum(boolean[] shown, int[] counts, int[] cells, int threshold) {
		boolean allShown = Arrays.stream(cells).allMatch(i -> shown[i]);
		if (allShown) {
			return true;
		}
		int sum = Arrays.stream(cells).map(i -> counts[i]).sum();
		for (int i = 0; i < shown.length; i++) {
			final int cell = i;
			if (!shown[i] && counts[i] > 0 && Arrays.stream(cells).noneMatch(c -> c == cell)) {
				return false;
			}
		}
		return sum >= threshold;
	}

}
