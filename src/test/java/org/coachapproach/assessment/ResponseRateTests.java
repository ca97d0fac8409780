package org.coachapproach.assessment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the course roster is who a survey asked, and when it is not. */
class ResponseRateTests {

	@Test
	void shouldTakeTheRosterAsThePoolOnlyWhenNoMoreRespondedThanItLists() {
		assertThat(new ResponseRate("mentor-prepost", "Mentors", "mentor", 40, 33, null, 25).rosterIsPool()).isTrue();
		assertThat(new ResponseRate("mentor-prepost", "Mentors", "mentor", 12, 12, 12, 12).rosterIsPool()).isTrue();
		// The demo's made-up cohort, or an imported earlier one: 33 answered, nobody on the roster.
		assertThat(new ResponseRate("mentor-prepost", "Mentors", "mentor", 0, 33, 26, 25).rosterIsPool()).isFalse();
	}

}
