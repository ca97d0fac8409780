package org.coachapproach.series;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code series_watch_progress} table. Kept on SQL: players report every few seconds, so
 * each report is one upsert, and "watched" is set by a conditional update that exactly one of
 * two racing requests matches.
 */
@Repository
class WatchRecords {

	private final JdbcClient jdbc;

	WatchRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void report(long person, String recordingId, Long courseId, int position, int duration, Instant at) {
		this.jdbc.sql("""
				INSERT INTO series_watch_progress (person_id, recording_id, course_id, position, duration, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE position = VALUES(position), duration = VALUES(duration),
				    updated_at = VALUES(updated_at)""")
			.params(person, recordingId, courseId, position, duration, Timestamp.from(at))
			.update();
	}

	/** A row to mark, unless the person has one already. */
	void begin(long person, String recordingId, Long courseId, Instant at) {
		this.jdbc.sql("""
				INSERT IGNORE INTO series_watch_progress (person_id, recording_id, course_id, position, duration, updated_at)
				VALUES (?, ?, ?, 0, 0, ?)""")
			.params(person, recordingId, courseId, Timestamp.from(at))
			.update();
	}

	/** @return whether this call set it (false when already watched) */
	boolean markWatched(long person, String recordingId, String contentHash, Instant at) {
		return this.jdbc.sql("""
				UPDATE series_watch_progress SET watched_at = ?, content_hash = ?
				WHERE person_id = ? AND recording_id = ? AND watched_at IS NULL""")
			.params(Timestamp.from(at), contentHash, person, recordingId)
			.update() == 1;
	}

	Optional<WatchState> find(long person, String recordingId) {
		return this.jdbc.sql("""
				SELECT position, duration, watched_at IS NOT NULL AS watched
				FROM series_watch_progress WHERE person_id = ? AND recording_id = ?""")
			.params(person, recordingId)
			.query((rs, row) -> new WatchState(rs.getInt("position"), rs.getInt("duration"), rs.getBoolean("watched")))
			.optional();
	}

	Map<String, WatchState> all(long person) {
		Map<String, WatchState> states = new HashMap<>();
		this.jdbc.sql("""
				SELECT recording_id, position, duration, watched_at IS NOT NULL AS watched
				FROM series_watch_progress WHERE person_id = ?""")
			.param(person)
			.query(rs -> {
				states.put(rs.getString("recording_id"),
						new WatchState(rs.getInt("position"), rs.getInt("duration"), rs.getBoolean("watched")));
			});
		return states;
	}

}
