package org.coachapproach.progress;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.people.Member;
import org.coachapproach.progress.internal.CompletionRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reflections on exercises: a draft saved as the person types, revisable until submitted;
 * the submitted text is kept as it was and completes the exercise.
 */
@Service
public class Reflections {

	/** The longest reflection accepted, in characters. */
	public static final int MAX_LENGTH = 20_000;

	private final JdbcClient jdbc;

	private final Curriculum curriculum;

	private final CompletionRules completions;

	private final Clock clock;

	Reflections(JdbcClient jdbc, Curriculum curriculum, CompletionRules completions, Clock clock) {
		this.jdbc = jdbc;
		this.curriculum = curriculum;
		this.completions = completions;
		this.clock = clock;
	}

	public Reflection find(Member member, String exerciseId) {
		Progress.requireCourse(member);
		return this.jdbc.sql("""
				SELECT draft_text, submitted_text, submitted_at, updated_at FROM reflection
				WHERE person_id = ? AND course_id = ? AND exercise_id = ?""")
			.params(member.person().value(), member.course().value(), exerciseId)
			.query((rs, row) -> new Reflection(exerciseId, nullToEmpty(rs.getString("draft_text")),
					rs.getString("submitted_text"), instant(rs.getTimestamp("submitted_at")),
					instant(rs.getTimestamp("updated_at"))))
			.optional()
			.orElseGet(() -> Reflection.empty(exerciseId));
	}

	/**
	 * Stores the draft, replacing the last one.
	 * @throws ReflectionTooLongException over {@link #MAX_LENGTH} characters
	 * @throws ReflectionSubmittedException once the reflection is submitted
	 */
	@Transactional
	public Reflection saveDraft(Member member, String exerciseId, String text) {
		Progress.requireCourse(member);
		String draft = checked(text);
		Instant now = this.clock.instant();
		// A draft racing a submission must not overwrite it: the update applies only while unsubmitted.
		this.jdbc.sql("""
				INSERT INTO reflection (person_id, course_id, exercise_id, draft_text, updated_at, content_hash)
				VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE
				    draft_text = IF(submitted_at IS NULL, VALUES(draft_text), draft_text),
				    content_hash = IF(submitted_at IS NULL, VALUES(content_hash), content_hash),
				    updated_at = IF(submitted_at IS NULL, VALUES(updated_at), updated_at)""")
			.params(member.person().value(), member.course().value(), exerciseId, draft, Timestamp.from(now),
					this.curriculum.contentHash())
			.update();
		Reflection saved = find(member, exerciseId);
		if (saved.isSubmitted()) {
			throw new ReflectionSubmittedException(exerciseId);
		}
		return saved;
	}

	/**
	 * Submits the reflection and completes the exercise. Submitting again changes nothing:
	 * the first submitted text stands and the completion is recorded once.
	 * @throws ReflectionTooLongException over {@link #MAX_LENGTH} characters
	 */
	@Transactional
	public Reflection submit(Member member, String exerciseId, String text) {
		Progress.requireCourse(member);
		String submitted = checked(text);
		Timestamp now = Timestamp.from(this.clock.instant());
		long person = member.person().value();
		long course = member.course().value();
		String hash = this.curriculum.contentHash();
		this.jdbc.sql("""
				INSERT INTO reflection (person_id, course_id, exercise_id, draft_text, updated_at, content_hash)
				VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE id = id""")
			.params(person, course, exerciseId, submitted, now, hash)
			.update();
		// Row-locked and conditional: of two concurrent submissions, exactly one matches.
		int changed = this.jdbc.sql("""
				UPDATE reflection SET draft_text = ?, submitted_text = ?, submitted_at = ?, updated_at = ?, content_hash = ?
				WHERE person_id = ? AND course_id = ? AND exercise_id = ? AND submitted_at IS NULL""")
			.params(submitted, submitted, now, now, hash, person, course, exerciseId)
			.update();
		if (changed == 1) {
			this.completions.exerciseSubmitted(member.person(), member.course(), exerciseId);
		}
		return find(member, exerciseId);
	}

	private static String checked(String text) {
		String value = text == null ? "" : text;
		if (value.length() > MAX_LENGTH) {
			throw new ReflectionTooLongException(value.length());
		}
		return value;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
