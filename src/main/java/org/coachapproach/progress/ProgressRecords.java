package org.coachapproach.progress;

import java.util.List;

import org.coachapproach.curriculum.ItemKind;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What people did, read for progress pages and the completion grid: completions and open drafts
 * in one query per page (the session page is the first page of every launch), so SQL rather
 * than two entity loads.
 */
@Repository
class ProgressRecords {

	/** The row type of a reflection begun and not yet submitted. */
	static final String DRAFT = "DRAFT";

	private final JdbcClient jdbc;

	ProgressRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person's completions (by item type) and open drafts ({@link #DRAFT}) in the course. */
	List<ItemRow> doneOrBegun(PersonId person, CourseId course) {
		return this.jdbc.sql("""
				SELECT item_type, item_id FROM completion WHERE person_id = ? AND course_id = ?
				UNION ALL
				SELECT 'DRAFT', exercise_id FROM reflection WHERE person_id = ? AND course_id = ? AND submitted_at IS NULL""")
			.params(person.value(), course.value(), person.value(), course.value())
			.query((rs, row) -> new ItemRow(person.value(), rs.getString(1), rs.getString(2)))
			.list();
	}

	/** As {@link #doneOrBegun}, for everyone in the course. */
	List<ItemRow> doneOrBegun(CourseId course) {
		return this.jdbc.sql("""
				SELECT person_id, item_type, item_id FROM completion WHERE course_id = ?
				UNION ALL
				SELECT person_id, 'DRAFT', exercise_id FROM reflection WHERE course_id = ? AND submitted_at IS NULL""")
			.params(course.value(), course.value())
			.query((rs, row) -> new ItemRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	List<Progress.Completion> completions(PersonId person, CourseId course) {
		return this.jdbc.sql("""
				SELECT item_type, item_id, completed_at FROM completion
				WHERE person_id = ? AND course_id = ? AND item_type IN ('SESSION', 'EXERCISE') ORDER BY completed_at, id""")
			.params(person.value(), course.value())
			.query((rs, row) -> new Progress.Completion(ItemKind.valueOf(rs.getString(1)), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** @param type an {@link ItemKind} name or {@link #DRAFT} */
	record ItemRow(long person, String type, String itemId) {
	}

}
