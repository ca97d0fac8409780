package org.coachapproach.series;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.coachapproach.LineProblem;
import org.coachapproach.people.Arrival;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.series.Attendance.Source;
import org.coachapproach.series.AttendanceImport.Format;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/** Recording and importing CFDS attendance against the real (embedded) MariaDB. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AttendanceTests {

	@Autowired
	Attendance attendance;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldRecordAPersonOnceKeepingTheEarliestTime() {
		PersonId person = person();
		Instant noon = Instant.parse("2022-10-04T17:02:00Z");

		assertThat(this.attendance.record(program(), person, "cfds-2022-10-04", Source.JOIN, noon)).isTrue();
		assertThat(this.attendance.record(program(), person, "cfds-2022-10-04", Source.JOIN, noon.plusSeconds(600))).isFalse();
		assertThat(this.attendance.record(program(), person, "cfds-2022-10-04", Source.LAUNCH, noon.minusSeconds(60))).isFalse();

		assertThat(this.jdbc.sql("""
				SELECT source, first_seen_at FROM series_attendance WHERE person_id = ? AND series_session_id = ?""")
			.params(person.value(), "cfds-2022-10-04")
			.query((rs, row) -> tuple(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list()).containsExactly(tuple("JOIN", noon.minusSeconds(60)));
		assertThat(this.attendance.attended(program(), person, "cfds-2022-10-04")).isTrue();
		assertThat(this.attendance.attended(program(), person, "cfds-2022-10-11")).isFalse();
	}

	@Test
	void shouldRefuseAnUnknownSession() {
		PersonId person = person();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.attendance.record(program(), person, "cfds-1999-01-01", Source.JOIN, Instant.now()))
			.withMessageContaining("cfds-1999-01-01");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM series_attendance WHERE person_id = ?").param(person.value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void shouldRefuseAnUnknownPerson() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.attendance.record(program(), new PersonId(Long.MAX_VALUE), "cfds-2022-10-04", Source.JOIN,
					Instant.now()))
			.withMessageContaining("No person");
	}

	@Test
	void shouldImportZoomReportOnceEvenWhenImportedTwice() {
		String session = "cfds-2022-09-13";
		byte[] file = AttendanceFixtures.bytes("zoom-participants.csv");

		AttendanceImport first = this.attendance.importReport(program(), session, file);
		AttendanceImport again = this.attendance.importReport(program(), session, file);

		assertThat(first.problems()).isEmpty();
		assertThat(first.format()).isEqualTo(Format.ZOOM);
		assertThat(first.attendees()).isEqualTo(6);
		assertThat(first.skipped()).isEqualTo(1);
		assertThat(again.attendees()).isEqualTo(6);
		assertThat(again.added()).isZero();
		assertThat(imported(session, "e:adaeze.okafor@example.edu")).isEqualTo(59);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM series_attendance WHERE series_session_id = ? AND source = 'IMPORT' AND synthetic = FALSE""")
			.param(session).query(Long.class).single()).isEqualTo(6);
	}

	@Test
	void shouldImportTeamsReport() {
		AttendanceImport result = this.attendance.importReport(program(), "cfds-2023-01-17",
				AttendanceFixtures.bytes("teams-attendance.csv"));

		assertThat(result.imported()).isTrue();
		assertThat(result.format()).isEqualTo(Format.TEAMS);
		assertThat(result.attendees()).isEqualTo(5);
		assertThat(imported("cfds-2023-01-17", "e:daniel.cohen@example.edu")).isEqualTo(53);
		assertThat(imported("cfds-2023-01-17", "n:guest caller (unverified)")).isEqualTo(11);
	}

	@Test
	void shouldImportNothingFromAFileWithABadRow() {
		String session = "cfds-2022-09-13";
		long before = count(session);

		AttendanceImport result = this.attendance.importReport(program(), session, AttendanceFixtures.bytes("zoom-bad-rows.csv"));

		assertThat(result.imported()).isFalse();
		assertThat(result.problems()).extracting(LineProblem::line).containsExactly(3, 4, 5, 6, 7, 9);
		assertThat(count(session)).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM series_attendance WHERE attendee_key = 'e:good.person@example.edu'")
			.query(Long.class).single()).as("the good rows are not imported either").isZero();
	}

	private Integer imported(String session, String key) {
		return this.jdbc.sql("SELECT minutes FROM series_attendance WHERE series_session_id = ? AND attendee_key = ?")
			.params(session, key).query(Integer.class).single();
	}

	private long count(String session) {
		return this.jdbc.sql("SELECT COUNT(*) FROM series_attendance WHERE series_session_id = ?").param(session)
			.query(Long.class).single();
	}

	private PersonId person() {
		return this.people.arrive(new Arrival("https://platform.example", "attendee-" + UUID.randomUUID(), "Ada Attendee",
				null, "cfds-course", "CFDS", "CFDS", Set.of(CourseRole.LEARNER), null)).person();
	}

	/** The program of the arrivals here (from no registration in particular). */
	org.coachapproach.people.ProgramId program() {
		return this.people.program("https://platform.example", "");
	}

}
