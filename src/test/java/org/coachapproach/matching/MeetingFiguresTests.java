package org.coachapproach.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Small-cell suppression of the meeting shares. */
class MeetingFiguresTests {

	@Test
	void shouldShowAShareOnlyWhenNeitherSideIsASmallGroup() {
		assertThat(MeetingFigures.share(29, 43)).extracting(MeetingFigures.Share::percent, MeetingFigures.Share::suppressed)
			.containsExactly("67", false);
		assertThat(MeetingFigures.share(37, 37).percent()).isEqualTo("100");
		assertThat(MeetingFigures.share(0, 12).percent()).isEqualTo("0");
		// Fewer than five met, or fewer than five did not, or fewer than five in all: hidden.
		assertThat(MeetingFigures.share(3, 40).suppressed()).isTrue();
		assertThat(MeetingFigures.share(38, 40).suppressed()).isTrue();
		assertThat(MeetingFigures.share(4, 4).suppressed()).isTrue();
		assertThat(MeetingFigures.share(3, 40).count()).isNull();
	}

}
