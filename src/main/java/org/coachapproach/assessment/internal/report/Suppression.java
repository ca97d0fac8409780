package org.coachapproach.assessment.internal.report;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Small-cell suppression. A cell with fewer than the threshold of respondents is hidden; so
 * that a hidden cell cannot be recovered by subtracting the shown cells from a shown total,
 * further cells are hidden (smallest first) until the hidden cells together hold either no
 * one or at least the threshold. Cells that are always hidden (e.g. "prefer not to say" in a
 * subgroup breakdown) take part in that sum, since the total includes them too.
 * <p>
 * Answers imported from a file are counted apart from answers given in the tool: whoever
 * imported made-up rows knows them, and could otherwise lift a cell of one real person to the
 * threshold and subtract the rows they made up. So every rule holds twice, once for all
 * respondents and once for those who answered in the tool alone: a cell with 1 to
 * {@code threshold - 1} respondents in the tool is hidden however many imported rows it also
 * holds, and the hidden cells of a line hold together none or at least the threshold of each.
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
		return shown(counts, null, alwaysHidden, threshold);
	}

	/**
	 * @param counts respondents per cell of a partition of one total
	 * @param inTool of those, the ones who answered in the tool ({@code null}: not told apart)
	 * @param alwaysHidden cells never shown (may be {@code null})
	 * @return per cell, whether it may be shown
	 */
	public static boolean[] shown(int[] counts, int[] inTool, boolean[] alwaysHidden, int threshold) {
		// A partition of one total is a table of one row, whose row sum is that total.
		return shown(new int[][] { counts }, inTool == null ? null : new int[][] { inTool }, null, alwaysHidden,
				threshold)[0];
	}

	/**
	 * Two-way suppression, for a table of two subgroup questions crossed (rows by columns)
	 * whose row and column sums are published elsewhere: each row sum is the first question's
	 * group in its one-way breakdown, each column sum the second's, and all cells together the
	 * total of the main table. The rule:
	 * <ol>
	 * <li>a cell with 1 to {@code threshold - 1} respondents is hidden, and so is every cell of
	 * an always-hidden row or column ("prefer not to say", or no answer);</li>
	 * <li>then, in every row and then every column, while the hidden cells of that line hold
	 * together between 1 and {@code threshold - 1} respondents, the smallest shown non-zero cell
	 * of the line is hidden too (on equal counts, the first in row or column order);</li>
	 * <li>step 2 repeats over all rows and columns until a pass hides nothing more.</li>
	 * </ol>
	 * So no row or column sum less its shown cells gives away fewer than {@code threshold}
	 * respondents, and neither does the total (the sum of the row sums). Always-hidden cells
	 * count in those sums, since the published sums include them; a line whose cells are all
	 * hidden already cannot do more (its own sum is then small, and hidden where it is published).
	 * The rule protects against subtracting one line at a time; it does not search for the
	 * narrower bounds a linear program over all lines at once could put on a hidden cell.
	 *
	 * @param counts respondents per cell, {@code counts[row][column]}, all rows of equal length
	 * @param hiddenRows rows never shown (may be {@code null})
	 * @param hiddenColumns columns never shown (may be {@code null})
	 * @return per cell, whether it may be shown
	 */
	public static boolean[][] shown(int[][] counts, boolean[] hiddenRows, boolean[] hiddenColumns, int threshold) {
		return shown(counts, null, hiddenRows, hiddenColumns, threshold);
	}

	/**
	 * The two-way rule above, held both for all respondents ({@code counts}) and for those who
	 * answered in the tool ({@code inTool}, same shape; {@code null}: not told apart).
	 */
	public static boolean[][] shown(int[][] counts, int[][] inTool, boolean[] hiddenRows, boolean[] hiddenColumns,
			int threshold) {
		int[][] tool = inTool != null ? inTool : new int[counts.length][counts.length == 0 ? 0 : counts[0].length];
		int rows = counts.length;
		int columns = rows == 0 ? 0 : counts[0].length;
		boolean[][] shown = new boolean[rows][columns];
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				boolean always = (hiddenRows != null && hiddenRows[r]) || (hiddenColumns != null && hiddenColumns[c]);
				shown[r][c] = !always && (counts[r][c] == 0 || counts[r][c] >= threshold) && !small(tool[r][c], threshold);
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int r = 0; r < rows; r++) {
				int row = r;
				changed |= complete(columns, c -> counts[row][c], c -> tool[row][c], c -> shown[row][c],
						c -> shown[row][c] = false, threshold);
			}
			for (int c = 0; c < columns; c++) {
				int column = c;
				changed |= complete(rows, r -> counts[r][column], r -> tool[r][column], r -> shown[r][column],
						r -> shown[r][column] = false, threshold);
			}
		}
		return shown;
	}

	/**
	 * Hides cells of one line, smallest first, until its hidden cells hold none or at least the
	 * threshold, of all respondents and of those in the tool alike. While the in-tool sum falls
	 * short, only a cell holding someone who answered in the tool can make it up.
	 */
	private static boolean complete(int length, IntUnaryOperator count, IntUnaryOperator inTool,
			IntPredicate shown, IntConsumer hide, int threshold) {
		int hiddenSum = 0;
		int hiddenInTool = 0;
		for (int i = 0; i < length; i++) {
			if (!shown.test(i)) {
				hiddenSum += count.applyAsInt(i);
				hiddenInTool += inTool.applyAsInt(i);
			}
		}
		boolean changed = false;
		while (small(hiddenSum, threshold) || small(hiddenInTool, threshold)) {
			boolean toolShort = small(hiddenInTool, threshold);
			int smallest = -1;
			for (int i = 0; i < length; i++) {
				int n = count.applyAsInt(i);
				boolean helps = toolShort ? inTool.applyAsInt(i) > 0 : n > 0;
				if (shown.test(i) && helps && (smallest < 0 || n < count.applyAsInt(smallest))) {
					smallest = i;
				}
			}
			if (smallest < 0) {
				break;
			}
			hide.accept(smallest);
			hiddenSum += count.applyAsInt(smallest);
			hiddenInTool += inTool.applyAsInt(smallest);
			changed = true;
		}
		return changed;
	}

	/** Some respondents, but fewer than the threshold. */
	private static boolean small(int n, int threshold) {
		return n > 0 && n < threshold;
	}

	/** Whether a single figure resting on {@code n} respondents may be shown. */
	public static boolean mayShow(int n, int threshold) {
		return n >= threshold;
	}

	/**
	 * Whether a single figure resting on {@code n} respondents, {@code inTool} of whom answered
	 * in the tool, may be shown: imported rows never lift a few in-tool answers over the threshold.
	 */
	public static boolean mayShow(int n, int inTool, int threshold) {
		return n >= threshold && !small(inTool, threshold);
	}

	/**
	 * Whether a figure that adds some cells of a partition (e.g. "% agree", the top two) may be
	 * shown given what else is shown: when all its cells are shown, or when every hidden cell is
	 * among them (then it equals the total less the shown cells anyway, and the hidden cells
	 * together reach the threshold).
	 */
	public static boolean mayShowSum(boolean[] shown, int[] counts, int[] cells, int threshold) {
		return mayShowSum(shown, counts, new int[counts.length], cells, threshold);
	}

	/** {@link #mayShowSum(boolean[], int[], int[], int)}, with the in-tool respondents per cell held to the same rule. */
	public static boolean mayShowSum(boolean[] shown, int[] counts, int[] inTool, int[] cells, int threshold) {
		boolean allShown = Arrays.stream(cells).allMatch(i -> shown[i]);
		if (allShown) {
			return true;
		}
		int sum = Arrays.stream(cells).map(i -> counts[i]).sum();
		int sumInTool = Arrays.stream(cells).map(i -> inTool[i]).sum();
		for (int i = 0; i < shown.length; i++) {
			final int cell = i;
			if (!shown[i] && counts[i] > 0 && Arrays.stream(cells).noneMatch(c -> c == cell)) {
				return false;
			}
		}
		return sum >= threshold && !small(sumInTool, threshold);
	}

}
