package org.coachapproach.lti.services;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.lti.placement.ContentCatalog;
import org.coachapproach.lti.placement.Offer;
import org.coachapproach.lti.placement.PlacedItem;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.progress.ExerciseCompleted;
import org.coachapproach.progress.RecordingCompleted;
import org.coachapproach.progress.SessionCompleted;
import org.coachapproach.progress.SurveyCompleted;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Completions on their way to the platform's gradebook. A completion event is written here in
 * the transaction that records it (so neither is kept without the other), once per person,
 * course and item; {@link ScoreSender} delivers it after commit and retries until the platform
 * has it.
 */
@Component
public class ScoreOutbox {

	/** Rows move PENDING → SENT, or → FAILED when the platform refuses for good. */
	public enum Status {

		PENDING, SENT, FAILED

	}

	/** One score on its way, as staff see it. */
	public record Entry(long id, PersonId person, String itemKey, String itemLabel, Status status, int attempts,
			Instant nextAttemptAt, Integer lastStatus, String lastError, Instant completedAt, Instant sentAt) {
	}

	private final JdbcClient jdbc;

	private final CourseServices services;

	private final ContentCatalog catalog;

	private final Clock clock;

	private final ScoreSender sender;

	private final People people;

	ScoreOutbox(JdbcClient jdbc, CourseServices services, ContentCatalog catalog, Clock clock, ScoreSender sender,
			People people) {
		this.jdbc = jdbc;
		this.people = people;
		this.services = services;
		this.catalog = catalog;
		this.clock = clock;
		this.sender = sender;
	}

	@EventListener
	void on(SessionCompleted event) {
		this.catalog.sessionNumber(event.sessionId())
			.ifPresent(number -> add(event.course(), event.person(), PlacedItem.session(number)));
	}

	@EventListener
	void on(ExerciseCompleted event) {
		add(event.course(), event.person(), PlacedItem.of(PlacedItem.Kind.EXERCISE, event.exerciseId()));
	}

	@EventListener
	void on(RecordingCompleted event) {
		add(event.course(), event.person(), PlacedItem.of(PlacedItem.Kind.RECORDING, event.recordingId()));
	}

	@EventListener
	void on(SurveyCompleted event) {
		add(event.course(), event.person(), PlacedItem.of(PlacedItem.Kind.SURVEY, event.instrumentId() + ":" + event.wave()));
	}

	/**
	 * Queues a full-credit score, in the caller's transaction, when the course's platform takes
	 * scores. A second completion of the same item adds nothing.
	 */
	public void add(CourseId course, PersonId person, PlacedItem item) {
		if (course == null || this.services.find(course).filter(CourseService::acceptsScores).isEmpty()
				|| !this.people.courseRoles(person, course).contains(CourseRole.LEARNER)) {
			// Platforms keep grades for learners only (Canvas answers 422 for a teacher).
			return;
		}
		String label = this.catalog.offer(item).map(Offer::title).orElse(item.key());
		Timestamp now = Timestamp.from(this.clock.instant());
		int added = this.jdbc.sql("""
				INSERT IGNORE INTO lti_score (course_id, person_id, item_key, item_label, completed_at, status, next_attempt_at)
				VALUES (?, ?, ?, ?, ?, 'PENDING', ?)""")
			.params(course.value(), person.value(), item.key(), label.length() > 255 ? label.substring(0, 255) : label, now,
					now)
			.update();
		if (added > 0) {
			this.sender.wake();
		}
	}

	/** The course's scores that are not yet delivered or were refused, oldest first. */
	public List<Entry> undelivered(CourseId course, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM lti_score WHERE course_id = ? AND status <> 'SENT' ORDER BY status, completed_at, id LIMIT ?""")
			.params(course.value(), limit)
			.query((rs, row) -> new Entry(rs.getLong("id"), new PersonId(rs.getLong("person_id")), rs.getString("item_key"),
					rs.getString("item_label"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
					rs.getTimestamp("next_attempt_at").toInstant(), (Integer) rs.getObject("last_status", Integer.class),
					rs.getString("last_error"), rs.getTimestamp("completed_at").toInstant(),
					Optional.ofNullable(rs.getTimestamp("sent_at")).map(Timestamp::toInstant).orElse(null)))
			.list();
	}

	/** How many of the course's scores are in each state. */
	public Map<Status, Integer> counts(CourseId course) {
		Map<Status, Integer> counts = new java.util.EnumMap<>(Status.class);
		for (Status status : Status.values()) {
			counts.put(status, 0);
		}
		this.jdbc.sql("SELECT status, COUNT(*) FROM lti_score WHERE course_id = ? GROUP BY status")
			.param(course.value())
			.query(rs -> {
				counts.put(Status.valueOf(rs.getString(1)), rs.getInt(2));
			});
		return counts;
	}

	/** Sends the course's refused scores again (after staff fixed the cause on the platform). */
	public int retryFailed(CourseId course) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int retried = this.jdbc.sql("""
				UPDATE lti_score SET status = 'PENDING', attempts = 0, next_attempt_at = ?, locked_until = NULL
				WHERE course_id = ? AND status = 'FAILED'""")
			.params(now, course.value())
			.update();
		if (retried > 0) {
			this.sender.wake();
		}
		return retried;
	}

}
