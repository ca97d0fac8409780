package org.coachapproach.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code observer_checklist} table: one row per observer, exercise and colleague, replaced in one upsert. */
@Repository
class ObserverChecklistRecords {

	private final JdbcClient jdbc;

	ObserverChecklistRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> of(PersonId person, CourseId course, String exerciseId) {
		return this.jdbc.sql("""
				SELECT colleague, checked_items, notes, updated_at FROM observer_checklist
				WHERE person_id = ? AND course_id = ? AND exercise_id = ? ORDER BY updated_at DESC, id DESC""")
			.params(person.value(), course.value(), exerciseId)
			.query((rs, row) -> new Row(rs.getString("colleague"), rs.getString("checked_items"), rs.getString("notes"),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	void save(PersonId person, CourseId course, String exerciseId, String colleague, String checkedItems, String notes,
			Instant at, String contentHash) {
		this.jdbc.sql("""
				INSERT INTO observer_checklist (person_id, course_id, exercise_id, colleague, checked_items, notes,
				    updated_at, content_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE checked_items = VALUES(checked_items), notes = VALUES(notes),
				    updated_at = VALUES(updated_at), content_hash = VALUES(content_hash)""")
			.params(person.value(), course.value(), exerciseId, colleague, checkedItems, notes, Timestamp.from(at), contentHash)
			.update();
	}

	/** @param checkedItems item numbers, comma-separated */
	record Row(String colleague, String checkedItems, String notes, Instant updatedAt) {
	}

}
