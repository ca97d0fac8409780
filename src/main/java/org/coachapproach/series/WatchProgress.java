package org.coachapproach.series;

import java.time.Clock;
import java.util.Map;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;

import org.springframework.context.ApplicationEventPublisher;
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

	private final WatchRecords records;

	private final ApplicationEventPublisher events;

	private final Curriculum curriculum;

	private final Clock clock;

	WatchProgress(WatchRecords records, ApplicationEventPublisher events, Curriculum curriculum, Clock clock) {
		this.records = records;
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
		this.records.report(member.person().value(), recording.id(), courseId(member), at, of, this.clock.instant());
		if (position >= WATCHED_SHARE * duration) {
			watched(member, recording);
		}
		return find(member.person(), recording.id());
	}

	/** The viewer says they have watched it. */
	@Transactional
	public WatchState markWatched(Member member, SeriesSession recording) {
		this.records.begin(member.person().value(), recording.id(), courseId(member), this.clock.instant());
		watched(member, recording);
		return find(member.person(), recording.id());
	}

	public WatchState find(PersonId person, String recordingId) {
		return this.records.find(person.value(), recordingId).orElse(WatchState.NOT_STARTED);
	}

	/** Every recording the person has started, by recording id. */
	public Map<String, WatchState> all(PersonId person) {
		return this.records.all(person.value());
	}

	/** Sets watched_at once: the row lock makes exactly one request the one that publishes. */
	private void watched(Member member, SeriesSession recording) {
		String hash = this.curriculum.contentHash();
		if (this.records.markWatched(member.person().value(), recording.id(), hash, this.clock.instant())) {
			this.events.publishEvent(new RecordingWatched(member.person(), member.course(), recording.id(), hash));
		}
	}

	private static Long courseId(Member member) {
		return member.course() == null ? null : member.course().value();
	}

}
