package org.coachapproach.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code competency_rating} table: written once (its unique key refuses a second rating),
 * read per rated mentor and averaged per course.
 */
@Repository
class CompetencyRatingRecords {

	private final JdbcClient jdbc;

	CompetencyRatingRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @throws org.springframework.dao.DuplicateKeyException when the observer rated this colleague already */
	void insert(CourseId course, String exerciseId, PersonId observer, PersonId mentor, String competencyId, int rating,
			Instant at, String contentHash) {
		this.jdbc.sql("""
				INSERT INTO competency_rating (course_id, exercise_id, observer_id, mentor_id, competency_id, rating,
				    rated_at, content_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(course.value(), exerciseId, observer.value(), mentor.value(), competencyId, rating, Timestamp.from(at),
					contentHash)
			.update();
	}

	List<CompetencyRatings.ReceivedRating> receivedBy(PersonId mentor, CourseId course) {
		return this.jdbc.sql("""
				SELECT competency_id, exercise_id, rating, rated_at FROM competency_rating
				WHERE course_id = ? AND mentor_id = ? ORDER BY rated_at, id""")
			.params(course.value(), mentor.value())
			.query((rs, row) -> new CompetencyRatings.ReceivedRating(rs.getString(1), rs.getString(2), rs.getInt(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** Each mentor's mean per competency, "not observed" left out: competency id to mean. */
	List<Map.Entry<String, Double>> mentorMeans(CourseId course) {
		return this.jdbc.sql("""
				SELECT competency_id, AVG(rating) FROM competency_rating
				WHERE course_id = ? AND rating > 0 GROUP BY competency_id, mentor_id""")
			.param(course.value())
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getDouble(2)))
			.list();
	}

	List<Long> ratedBy(CourseId course, String exerciseId, PersonId observer) {
		return this.jdbc.sql("""
				SELECT DISTINCT mentor_id FROM competency_rating
				WHERE course_id = ? AND exercise_id = ? AND observer_id = ?""")
			.params(course.value(), exerciseId, observer.value())
			.query(Long.class)
			.list();
	}

}
