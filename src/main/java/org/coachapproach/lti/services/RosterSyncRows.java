package org.coachapproach.lti.services;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.coachapproach.people.CourseId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code lti_roster_sync}, one row per course. Claims, leases and outcomes are the
 * shared outbox's ({@link RosterSyncQueue#TABLE}); this class only queues and reads.
 */
@Repository
class RosterSyncRows {

	private final JdbcClient jdbc;

	RosterSyncRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues a sync; a pending or running one takes the request instead (a pending one waiting
	 * out a backoff becomes due now). A finished one is started afresh. The assignments run in
	 * order, so {@code status} is changed last.
	 */
	void request(CourseId course, Instant now) {
		this.jdbc.sql("""
				INSERT INTO lti_roster_sync (course_id, status, attempts, requested_at, next_attempt_at)
				VALUES (:course, 'PENDING', 0, :now, :now)
				ON DUPLICATE KEY UPDATE
				    attempts = IF(status = 'PENDING', attempts, 0),
				    requested_at = IF(status = 'PENDING', requested_at, VALUES(requested_at)),
				    next_attempt_at = IF(status = 'PENDING', LEAST(next_attempt_at, VALUES(next_attempt_at)), VALUES(next_attempt_at)),
				    last_error = IF(status = 'PENDING', last_error, NULL),
				    sent_at = IF(status = 'PENDING', sent_at, NULL),
				    locked_until = IF(status = 'PENDING', locked_until, NULL),
				    status = 'PENDING'""")
			.param("course", course.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Courses with a roster service last synced before {@code before} (or never), with no sync
	 * pending and none requested since then (a sync that failed for good waits a period).
	 */
	List<CourseId> stale(Instant before) {
		return this.jdbc.sql("""
				SELECT s.course_id FROM lti_course_service s
				WHERE s.memberships_url IS NOT NULL AND (s.roster_synced_at IS NULL OR s.roster_synced_at < :before)
				  AND NOT EXISTS (SELECT 1 FROM lti_roster_sync r WHERE r.course_id = s.course_id
				                  AND (r.status = 'PENDING' OR r.requested_at >= :before))""")
			.param("before", Timestamp.from(before))
			.query((rs, row) -> new CourseId(rs.getLong(1)))
			.list();
	}

	Optional<CourseId> course(long id) {
		return this.jdbc.sql("SELECT course_id FROM lti_roster_sync WHERE id = ?")
			.param(id)
			.query((rs, row) -> new CourseId(rs.getLong(1)))
			.optional();
	}

	Optional<RosterSyncState> state(CourseId course, Instant now) {
		return this.jdbc.sql("SELECT * FROM lti_roster_sync WHERE course_id = ?")
			.param(course.value())
			.query((rs, row) -> {
				Timestamp lockedUntil = rs.getTimestamp("locked_until");
				RosterSyncState.Status status = switch (rs.getString("status")) {
					case "SENT" -> RosterSyncState.Status.DONE;
					case "FAILED" -> RosterSyncState.Status.FAILED;
					default -> lockedUntil != null && lockedUntil.toInstant().isAfter(now) ? RosterSyncState.Status.RUNNING
							: RosterSyncState.Status.PENDING;
				};
				return new RosterSyncState(status, rs.getInt("attempts"), rs.getTimestamp("requested_at").toInstant(),
						rs.getTimestamp("next_attempt_at").toInstant(),
						Optional.ofNullable(rs.getTimestamp("sent_at")).map(Timestamp::toInstant).orElse(null),
						rs.getString("last_error"));
			})
			.optional();
	}

}
