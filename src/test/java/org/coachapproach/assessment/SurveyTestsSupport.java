package org.coachapproach.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.coachapproach.people.CourseId;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test set-up that is not itself under test. */
final class SurveyTestsSupport {

	private SurveyTestsSupport() {
	}

	/** Opens a wave from yesterday to next week. */
	static void openWindow(JdbcClient jdbc, CourseId course, String instrument, String wave) {
		jdbc.sql("""
				INSERT INTO assessment_window (course_id, instrument_id, wave, opens_on, closes_on, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(course.value(), instrument, wave, LocalDate.now().minusDays(1), LocalDate.now().plusDays(7),
					Timestamp.from(Instant.now()))
			.update();
	}

}
