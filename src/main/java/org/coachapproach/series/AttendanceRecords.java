package org.coachapproach.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramId;
import org.coachapproach.series.internal.AttendanceAnalysis;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code series_attendance} table. Kept on SQL: one row per attendee and session is kept by
 * the unique key ({@code INSERT IGNORE}, upserts keeping the earliest time), so every way in is
 * idempotent under concurrent joins and imports, and figures read a year's visits in one query.
 */
@Repository
class AttendanceRecords {

	private final JdbcClient jdbc;

	AttendanceRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return whether a row was added (false for a repeat, or an unknown person) */
	boolean insertIfAbsent(ProgramId program, String seriesSessionId, String key, PersonId person, String source,
			Instant at) {
		return this.jdbc.sql("""
				INSERT IGNORE INTO series_attendance (program_id, series_session_id, attendee_key, person_id, source,
				    first_seen_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(program.value(), seriesSessionId, key, person.value(), source, Timestamp.from(at))
			.update() == 1;
	}

	/** @return whether the attendee has a row at the session */
	boolean keepEarliest(ProgramId program, String seriesSessionId, String key, Instant at) {
		return this.jdbc.sql("""
				UPDATE series_attendance SET first_seen_at = LEAST(first_seen_at, ?)
				WHERE program_id = ? AND series_session_id = ? AND attendee_key = ?""")
			.params(Timestamp.from(at), program.value(), seriesSessionId, key)
			.update() > 0;
	}

	boolean exists(ProgramId program, String seriesSessionId, String key) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM series_attendance WHERE program_id = ? AND series_session_id = ? AND attendee_key = ?""")
			.params(program.value(), seriesSessionId, key)
			.query(Long.class)
			.single() > 0;
	}

	List<String> attendeeKeys(ProgramId program, String seriesSessionId) {
		return this.jdbc.sql("SELECT attendee_key FROM series_attendance WHERE program_id = ? AND series_session_id = ?")
			.params(program.value(), seriesSessionId)
			.query(String.class)
			.list();
	}

	/** An imported attendee: the report's minutes and rank, the earliest time seen. */
	void imported(ProgramId program, String seriesSessionId, String key, FacultyRank rank, Instant firstSeen,
			Integer minutes) {
		this.jdbc.sql("""
				INSERT INTO series_attendance (program_id, series_session_id, attendee_key, faculty_rank, source,
				    first_seen_at, minutes)
				VALUES (?, ?, ?, ?, 'IMPORT', ?, ?)
				ON DUPLICATE KEY UPDATE first_seen_at = LEAST(first_seen_at, VALUES(first_seen_at)),
				    minutes = VALUES(minutes), faculty_rank = COALESCE(VALUES(faculty_rank), faculty_rank)""")
			.params(program.value(), seriesSessionId, key, rank == null ? null : rank.name(), Timestamp.from(firstSeen),
					minutes)
			.update();
	}

	/** The program's visits to the sessions, with the synthetic demo record. */
	List<AttendanceAnalysis.Visit> visits(ProgramId program, List<String> sessionIds) {
		return this.jdbc.sql("""
				SELECT series_session_id, attendee_key, faculty_rank, synthetic FROM series_attendance
				WHERE series_session_id IN (:ids) AND (program_id = :program OR (program_id IS NULL AND synthetic))""")
			.param("ids", sessionIds)
			.param("program", program.value())
			.query((rs, row) -> {
				String rank = rs.getString(3);
				return new AttendanceAnalysis.Visit(rs.getString(1), rs.getString(2),
						rank == null ? null : FacultyRank.valueOf(rank), rs.getBoolean(4));
			})
			.list();
	}

}
