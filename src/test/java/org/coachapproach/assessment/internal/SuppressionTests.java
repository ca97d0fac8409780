package org.coachapproach.assessment.internal;

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

}
