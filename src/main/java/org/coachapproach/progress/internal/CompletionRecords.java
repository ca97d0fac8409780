package org.coachapproach.progress.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.coachapproach.curriculum.ItemKind;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code completion} table: one row per person, course and completed item, written once. */
@Repository
public class CompletionRecords {

	private final JdbcClient jdbc;

	CompletionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a completion unless it is already recorded.
	 * @return whether this call recorded it (false for a repeat, a retry or a concurrent twin)
	 */
	public boolean record(PersonId person, CourseId course, ItemKind type, String itemId, String contentHash,
			Instant at) {
		try {
			return this.jdbc.sql("""
					INSERT INTO completion (person_id, course_id, item_type, item_id, completed_at, content_hash)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(person.value(), course.value(), type.name(), itemId, Timestamp.from(at), contentHash)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			// The unique key makes recording idempotent; InnoDB undoes only this statement.
			return false;
		}
	}

	public List<String> completed(PersonId person, CourseId course, ItemKind type) {
		return this.jdbc.sql("SELECT item_id FROM completion WHERE person_id = ? AND course_id = ? AND item_type = ?")
			.params(person.value(), course.value(), type.name())
			.query(String.class)
			.list();
	}

}
