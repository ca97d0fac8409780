package org.coachapproach.assessment.internal.report;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuppressionTests {

	@Test
	void shouldShowCellsOfFiveOrMore() {
		assertThat(Suppression.shown(new int[] { 5, 12, 30 }, null, 5)).containsExactly(true, true, true);
	}

	@Test
	void shouldHideASmallCellAndTheNextSmallestSoTheTotalCannotGiveItAway() {
		assertThat(Suppression.shown(new int[] { 14, 3, 20, 9 }, null, 5)).containsExactly(true, false, true, false);
	}

	@Test
	void shouldCountAnAlwaysHiddenCellTowardsTheComplement() {
		// women, men, prefer not to say (never shown): 2 undisclosed could be derived from the total
		assertThat(Suppression.shown(new int[] { 14, 12, 2 }, new boolean[] { false, false, true }, 5))
			.containsExactly(true, false, false);
		// 7 undisclosed: derivable only as a group of seven, which is allowed
		assertThat(Suppression.shown(new int[] { 14, 12, 7 }, new boolean[] { false, false, true }, 5))
			.containsExactly(true, true, false);
	}

	@Test
	void shouldLeaveEmptyCellsShownAndHideEverythingWhenNothingElseHelps() {
		assertThat(Suppression.shown(new int[] { 0, 3, 0 }, null, 5)).containsExactly(true, false, true);
		assertThat(Suppression.shown(new int[] { 2, 2 }, null, 5)).containsExactly(false, false);
	}

	@Test
	void shouldCountAnswersGivenInTheToolApartFromImportedOnes() {
		// 1 in the tool + 4 imported: five in all, but one real person; then the next cell holding tool answers hides too
		assertThat(Suppression.shown(new int[] { 5, 30, 12 }, new int[] { 1, 0, 12 }, null, 5))
			.containsExactly(false, true, false);
		// imported only, or in the tool only: the rule for all respondents, unchanged
		assertThat(Suppression.shown(new int[] { 14, 3, 20, 9 }, new int[4], null, 5)).containsExactly(true, false, true, false);
		assertThat(Suppression.shown(new int[] { 14, 3, 20, 9 }, new int[] { 14, 3, 20, 9 }, null, 5))
			.containsExactly(true, false, true, false);
		assertThat(Suppression.mayShow(5, 1, 5)).isFalse();
		assertThat(Suppression.mayShow(5, 0, 5)).isTrue();
		assertThat(Suppression.mayShow(9, 5, 5)).isTrue();
		assertThat(Suppression.mayShow(12, 6, Suppression.MIN_TEXT)).isFalse();
	}

	@Test
	void shouldHoldTheTwoWayRuleForAnswersGivenInTheToolToo() {
		// Every cell has five or more in all; one holds 2 from the tool, so it hides, and its row is completed
		// with the smallest cell that holds answers from the tool (the imported-only 12 would not help).
		int[][] counts = { { 8, 9, 12 }, { 7, 10, 11 } };
		int[][] inTool = { { 2, 6, 0 }, { 0, 10, 11 } };

		boolean[][] shown = Suppression.shown(counts, inTool, null, null, 5);

		assertThat(shown[0]).containsExactly(false, false, true);
		assertThat(shown[1]).containsExactly(true, true, true);
		assertThat(Suppression.shown(counts, null, null, 5)[0]).containsExactly(true, true, true);
	}

	@Test
	void shouldUseTheFreeTextThreshold() {
		assertThat(Suppression.shown(new int[] { 9, 40 }, null, Suppression.MIN_TEXT)).containsExactly(false, false);
	}

	@Test
	void shouldShowAnAgreeShareOnlyWhenItCannotGiveAwayAHiddenCell() {
		int[] counts = { 0, 2, 6, 10, 20 };
		boolean[] shown = Suppression.shown(counts, null, 5);
		assertThat(shown).containsExactly(true, false, false, true, true);
		assertThat(Suppression.mayShowSum(shown, counts, new int[] { 3, 4 }, 5)).isTrue();

		int[] skewed = { 10, 10, 10, 3, 20 };
		boolean[] shownSkewed = Suppression.shown(skewed, null, 5);
		assertThat(shownSkewed).containsExactly(false, true, true, false, true);
		assertThat(Suppression.mayShowSum(shownSkewed, skewed, new int[] { 3, 4 }, 5)).isFalse();
	}

	@Test
	void shouldHideASecondCellInTheRowOfASmallCellAndAnotherInItsColumn() {
		int[][] counts = { { 3, 8, 20 }, { 10, 6, 30 }, { 12, 15, 9 } };

		boolean[][] shown = Suppression.shown(counts, null, null, 5);

		// row 0 less its shown 20 would give 3 + 8 = 11; column 0 less its shown 12 gives 3 + 10 = 13
		assertThat(shown[0]).containsExactly(false, false, true);
		assertThat(shown[1]).containsExactly(false, true, true);
		assertThat(shown[2]).containsExactly(true, true, true);
		assertEveryLineHidesNoneOrAtLeast(counts, shown, 5);
	}

	@Test
	void shouldNeverShowPreferNotToSayAndCountItInTheLinesItCrosses() {
		// rows: not said, woman, man; columns: not said, assistant, associate
		int[][] counts = { { 0, 2, 0 }, { 1, 10, 12 }, { 0, 7, 9 } };
		boolean[] hidden = { true, false, false };

		boolean[][] shown = Suppression.shown(counts, hidden, hidden, 5);

		// the woman who did not give her rank could be derived from the women's total: the 10 go too
		assertThat(shown[0]).containsExactly(false, false, false);
		assertThat(shown[1]).containsExactly(false, false, true);
		assertThat(shown[2]).containsExactly(false, true, true);
		assertEveryLineHidesNoneOrAtLeast(counts, shown, 5);
	}

	@Test
	void shouldLeaveAllZeroLinesAloneAndShowALargeTableWhole() {
		int[][] counts = { { 0, 0, 0 }, { 6, 0, 11 }, { 0, 0, 0 }, { 5, 0, 40 } };

		boolean[][] shown = Suppression.shown(counts, null, null, 5);

		for (boolean[] row : shown) {
			assertThat(row).containsOnly(true);
		}
	}

	@Test
	void shouldHideTheFirstOfEquallySmallCellsAlwaysTheSame() {
		int[][] counts = { { 2, 7, 7, 7 }, { 9, 9, 9, 9 } };

		boolean[][] shown = Suppression.shown(counts, null, null, 5);

		// the first 7 completes row 0; the first 9 of column 0 completes that column
		assertThat(shown[0]).containsExactly(false, false, true, true);
		assertThat(shown[1]).containsExactly(false, true, true, true);
		for (int i = 0; i < 20; i++) {
			assertThat(Suppression.shown(counts, null, null, 5)).isDeepEqualTo(shown);
		}
		assertEveryLineHidesNoneOrAtLeast(counts, shown, 5);
	}

	@Test
	void shouldHideAWholeLineWhenItsSmallCellsCannotBeCoveredOtherwise() {
		int[][] counts = { { 2, 2 }, { 20, 30 } };

		boolean[][] shown = Suppression.shown(counts, null, null, 5);

		// row 0: 2 + 2 = 4 hidden, nothing left to hide in it; each column then hides its 20 or 30
		assertThat(shown[0]).containsExactly(false, false);
		assertThat(shown[1]).containsExactly(false, false);
	}

	@Test
	void shouldTreatAOneWayBreakdownAsATableOfOneRow() {
		int[] counts = { 14, 3, 20, 9 };
		boolean[] alwaysHidden = { false, false, false, true };

		assertThat(Suppression.shown(new int[][] { counts }, null, alwaysHidden, 5)[0])
			.containsExactly(Suppression.shown(counts, alwaysHidden, 5));
	}

	/**
	 * The rule itself: in every row and column the hidden cells hold no one or at least the
	 * threshold, unless the whole line is hidden (its sum is then never published).
	 */
	private static void assertEveryLineHidesNoneOrAtLeast(int[][] counts, boolean[][] shown, int threshold) {
		for (int r = 0; r < counts.length; r++) {
			int row = r;
			assertLine("row " + r, counts[r].length, c -> counts[row][c], c -> shown[row][c], threshold);
		}
		for (int c = 0; c < counts[0].length; c++) {
			int column = c;
			assertLine("column " + c, counts.length, r -> counts[r][column], r -> shown[r][column], threshold);
		}
	}

	private static void assertLine(String line, int length, IntUnaryOperator count, IntPredicate shown, int threshold) {
		int hidden = 0;
		boolean anyShown = false;
		for (int i = 0; i < length; i++) {
			hidden += shown.test(i) ? 0 : count.applyAsInt(i);
			anyShown |= shown.test(i);
		}
		if (anyShown && hidden > 0) {
			assertThat(hidden).as(line).isGreaterThanOrEqualTo(threshold);
		}
	}

}
