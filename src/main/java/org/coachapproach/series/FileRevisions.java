package org.coachapproach.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.coachapproach.people.ProgramId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The file sessions as each program last saw them (its calendars' SEQUENCE). Kept on SQL: the
 * raise is one conditional upsert, so instances that start together raise it once.
 */
@Repository
class FileRevisions {

	private final JdbcClient jdbc;

	FileRevisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the session's fingerprint; its sequence goes one up only where the fingerprint still differs. */
	void record(ProgramId program, String sessionId, String fingerprint, Instant at) {
		this.jdbc.sql("""
				INSERT INTO series_file_revision (program_id, session_id, fingerprint, sequence, changed_at)
				VALUES (?, ?, ?, 0, ?)
				ON DUPLICATE KEY UPDATE
				    sequence = IF(fingerprint = VALUES(fingerprint), sequence, sequence + 1),
				    changed_at = IF(fingerprint = VALUES(fingerprint), changed_at, VALUES(changed_at)),
				    fingerprint = VALUES(fingerprint)""")
			.params(program.value(), sessionId, fingerprint, Timestamp.from(at))
			.update();
	}

	Map<String, Revision> of(ProgramId program) {
		Map<String, Revision> revisions = new HashMap<>();
		this.jdbc.sql("SELECT session_id, fingerprint, sequence, changed_at FROM series_file_revision WHERE program_id = ?")
			.param(program.value())
			.query(rs -> {
				revisions.put(rs.getString("session_id"), new Revision(rs.getString("fingerprint"), rs.getInt("sequence"),
						rs.getTimestamp("changed_at").toInstant()));
			});
		return revisions;
	}

	record Revision(String fingerprint, int sequence, Instant changedAt) {
	}

}
