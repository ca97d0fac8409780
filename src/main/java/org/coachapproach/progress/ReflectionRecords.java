package org.coachapproach.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code reflection} table. Kept on SQL, not an entity: a draft racing a submission, and two
 * submissions racing each other, are settled by conditional statements on the row (an upsert
 * that leaves a submitted text alone, an update that only one of two can match), which a
 * read-modify-write of an entity would lose.
 */
@Repository
class ReflectionRecords {

	private final JdbcClient jdbc;

	ReflectionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Reflection> find(PersonId person, CourseId course, String exerciseId) {
		return this.jdbc.sql("""
				SELECT draft_text, submitted_text, submitted_at, updated_at FROM reflection
				WHERE person_id = ? AND course_id = ? AND exercise_id = ?""")
			.params(person.value(), course.value(), exerciseId)
			.query((rs, row) -> new Reflection(exerciseId, nullToEmpty(rs.getString("draft_text")),
					rs.getString("submitted_text"), instant(rs.getTimestamp("submitted_at")),
					instant(rs.getTimestamp("updated_at"))))
			.optional();
	}

	/** Stores the draft, replacing the last one, only while the reflection is unsubmitted. */
	void saveDraft(PersonId person, CourseId course, String exerciseId, String draft, String contentHash, Instant now) {
		this.jdbc.sql("""
				INSERT INTO reflection (person_id, course_id, exercise_id, draft_text, updated_at, content_hash)
				VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE
				    draft_text = IF(submitted_at IS NULL, VALUES(draft_text), draft_text),
				    content_hash = IF(submitted_at IS NULL, VALUES(content_hash), content_hash),
				    updated_at = IF(submitted_at IS NULL, VALUES(updated_at), updated_at)""")
			.params(person.value(), course.value(), exerciseId, draft, Timestamp.from(now), contentHash)
			.update();
	}

	/**
	 * Submits the text unless the reflection is already submitted.
	 * @return whether this call submitted it (of two concurrent submissions, exactly one)
	 */
	boolean submit(PersonId person, CourseId course, String exerciseId, String text, String contentHash, Instant at) {
		Timestamp now = Timestamp.from(at);
		this.jdbc.sql("""
				INSERT INTO reflection (person_id, course_id, exercise_id, draft_text, updated_at, content_hash)
				VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE id = id""")
			.params(person.value(), course.value(), exerciseId, text, now, contentHash)
			.update();
		// Row-locked and conditional: of two concurrent submissions, exactly one matches.
		return this.jdbc.sql("""
				UPDATE reflection SET draft_text = ?, submitted_text = ?, submitted_at = ?, updated_at = ?, content_hash = ?
				WHERE person_id = ? AND course_id = ? AND exercise_id = ? AND submitted_at IS NULL""")
			.params(text, text, now, now, contentHash, person.value(), course.value(), exerciseId)
			.update() == 1;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
