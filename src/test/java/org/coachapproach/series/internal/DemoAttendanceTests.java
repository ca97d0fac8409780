package org.coachapproach.series.internal;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's SYNTHETIC attendance record: loaded at start-up (the demo platform is on in tests), once. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoAttendanceTests {

	@Autowired
	DemoAttendance demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldLoadTheSyntheticYearOnceWithTheReportedTotals() {
		assertThat(this.demo.load()).as("already loaded at start-up").isZero();

		assertThat(count("SELECT COUNT(*) FROM series_attendance WHERE synthetic = TRUE")).isEqualTo(39 * 38);
		assertThat(count("SELECT COUNT(DISTINCT series_session_id) FROM series_attendance WHERE synthetic = TRUE"))
			.isEqualTo(39);
		assertThat(count("SELECT COUNT(DISTINCT attendee_key) FROM series_attendance WHERE synthetic = TRUE"))
			.isEqualTo(239);
		assertThat(count("""
				SELECT COUNT(DISTINCT attendee_key) FROM series_attendance WHERE synthetic = TRUE AND faculty_rank = 'ASSISTANT'"""))
			.isEqualTo(DemoAttendance.ASSISTANT);
		assertThat(count("SELECT COUNT(*) FROM series_attendance WHERE synthetic = TRUE AND attendee_key NOT LIKE 's:%'"))
			.isZero();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
