package org.coachapproach.series.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;
import org.coachapproach.series.RecordingWatched;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watch progress per person and recording. A recording counts as watched at 80 % seen or
 * when the viewer marks it; that state is never lowered by a later, repeated or out-of-order
 * report, and {@link RecordingWatched} is published exactly once per person and recording.
 */
@Service
public class WatchProgress {

	/** The longest recording the series has (a session is an hour; six leaves room for any). */
	public static final int MAX_SECONDS = 6 * 60 * 60;

	static final double WATCHED_SHARE = 0.8;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Curriculum curriculum;

	private final Clock clock;

	WatchProgress(JdbcClient jdbc, ApplicationEventPublisher events, Curriculum curriculum, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.curriculum = curriculum;
		this.clock = clock;
	}

	/** Whether a player's report makes sense; anything else is refused and nothing stored. */
	public static boolean isValid(double position, double duration) {
		return Double.isFinite(position) && Double.isFinite(duration) && position >= 0 && duration > 0
				&& position <= duration && duration <= MAX_SECONDS;
	}

	/** Records where the person is; call only with {@link #isValid valid} values. */
	@Transactional
	public WatchState report(Member member, SeriesSession recording, double position, double duration) {
		if (!isValid(position, duration)) {
			throw new IllegalArgumentException("invalid watch position " + position + " of " + duration);
		}
		int at = (int) Math.floor(position);
		int of = (int) Math.ceil(duration);
		this.jdbc.sql("""
				INSERT INTO series_watch_progress (person_id, recording_id, course_id, position, duration, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE position = VALUES(position), duration = VALUES(duration),
				    updated_at = VALUES(updated_at)""")
			.params(member.person().value(), recording.id(), courseId(member), at, of, now())
			.update();
		if (position >= WATCHED_SHARE * duration) {
			watched(member, recording);
		}
		return find(member.person(), recording.id());
	}

	/** The viewer says they have watched it. */
	@Transactional
	public WatchState markWatched(Member member, SeriesSession recording) {
		this.jdbc.sql("""
				INSERT IGNORE INTO series_watch_progress (person_id, recording_id, course_id, position, duration, updated_at)
				VALUES (?, ?, ?, 0, 0, ?)""")
			.params(member.person().value(), recording.id(), courseId(member), now())
			.update();
		watched(member, recording);
		return find(member.person(), recording.id());
	}

	public WatchState find(PersonId person, String recordingId) {
		return this.jdbc.sql("""
				SELECT position, duration, watched_at IS NOT NULL AS watched
				FROM series_watch_progress WHERE person_id = ? AND recording_id = ?""")
			.params(person.value(), recordingId)
			.query((rs, row) -> new WatchState(rs.getInt("position"), rs.getInt("duration"), rs.getBoolean("watched")))
			.optional()
			.orElse(WatchState.NOT_STARTED);
	}

	/** Every recording the person has started, by recording id. */
	public Map<String, WatchState> all(PersonId person) {
		Map<String, WatchState> states = new HashMap<>();
		this.jdbc.sql("""
				SELECT recording_id, position, duration, watched_at IS NOT NULL AS watched
				FROM series_watch_progress WHERE person_id = ?""")
			.param(person.value())
			.query(rs -> {
				states.put(rs.getString("recording_id"),
						new WatchState(rs.getInt("position"), rs.getInt("duration"), rs.getBoolean("watched")));
			});
		return states;
	}

	/** Sets watched_at once: the row lock makes exactly one request the one that publishes. */
	private void watched(Member member, SeriesSession recording) {
		String hash = this.curriculum.contentHash();
		int changed = this.jdbc.sql("""
				UPDATE series_watch_progress SET watched_at = ?, content_hash = ?
				WHERE person_id = ? AND recording_id = ? AND watched_at IS NULL""")
			.params(now(), hash, member.person().value(), recording.id())
			.update();
		if (changed == 1) {
			this.events.publishEvent(new RecordingWatched(member.person(), member.course(), recording.id(), hash));
		}
	}

	private static Long courseId(Member member) {
		return member.course() == null ? null : member.course().value();
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
