package org.coachapproach.matching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only views over pairs that join and aggregate their meetings, notices and agreed times
 * (last meeting, unseen news, a mentor's record): one query each rather than an entity walk.
 */
@Repository
class PairQueries {

	private static final String PAIR_SQL = """
			SELECT p.id, p.course_id, p.mentor_id, p.mentee_id, p.published_at,
			       (SELECT MAX(m.met_on) FROM matching_meeting m WHERE m.pair_id = p.id) AS last_met,
			       (SELECT COUNT(*) FROM matching_notice n WHERE n.pair_id = p.id AND n.person_id = ? AND n.seen_at IS NULL) AS unseen
			FROM matching_pair p WHERE p.ended_at IS NULL""";

	private final JdbcClient jdbc;

	PairQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The person's current pairs in the course, with news unseen by that person. */
	List<PairRow> currentOf(CourseId course, PersonId person) {
		return this.jdbc.sql(PAIR_SQL + " AND p.course_id = ? AND (p.mentor_id = ? OR p.mentee_id = ?) ORDER BY p.id")
			.params(person.value(), course.value(), person.value(), person.value())
			.query(PairQueries::row)
			.list();
	}

	List<PairRow> currentIn(CourseId course) {
		return this.jdbc.sql(PAIR_SQL + " AND p.course_id = ? ORDER BY p.id").params(0L, course.value()).query(PairQueries::row).list();
	}

	List<PairRow> currentOfAnywhere(PersonId person) {
		return this.jdbc.sql(PAIR_SQL + " AND (p.mentor_id = ? OR p.mentee_id = ?) ORDER BY p.id")
			.params(0L, person.value(), person.value())
			.query(PairQueries::row)
			.list();
	}

	List<Mentoring.ScheduledMeeting> scheduledMeetings(PersonId person, Instant from) {
		return this.jdbc.sql("""
				SELECT t.id, t.pair_id, p.course_id, p.mentor_id, p.mentee_id, t.starts_at, t.duration_minutes, t.accepted_at
				FROM matching_time_proposal t JOIN matching_pair p ON p.id = t.pair_id
				WHERE p.ended_at IS NULL AND t.accepted_at IS NOT NULL AND t.starts_at >= ?
				  AND (p.mentor_id = ? OR p.mentee_id = ?)
				ORDER BY t.starts_at, t.id""")
			.params(Timestamp.from(from), person.value(), person.value())
			.query((rs, row) -> new Mentoring.ScheduledMeeting(rs.getLong("id"), new PairId(rs.getLong("pair_id")),
					new CourseId(rs.getLong("course_id")), new PersonId(rs.getLong("mentor_id")),
					new PersonId(rs.getLong("mentee_id")), rs.getTimestamp("starts_at").toInstant(),
					rs.getInt("duration_minutes"), rs.getTimestamp("accepted_at").toInstant()))
			.list();
	}

	Meetings.MentoringRecord recordOf(PersonId mentor, CourseId course) {
		return this.jdbc.sql("""
				SELECT COUNT(DISTINCT p.mentee_id), COUNT(m.id), MIN(m.met_on), MAX(m.met_on)
				FROM matching_pair p LEFT JOIN matching_meeting m ON m.pair_id = p.id
				WHERE p.course_id = ? AND p.mentor_id = ?""")
			.params(course.value(), mentor.value())
			.query((rs, row) -> new Meetings.MentoringRecord(rs.getInt(1), rs.getInt(2),
					rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(),
					rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate()))
			.single();
	}

	/** Each current pair of the course with the number of distinct days it met. */
	List<MeetingFigures.PairCount> meetingDays(CourseId course) {
		return this.jdbc.sql("""
				SELECT p.mentor_id, p.mentee_id, p.published_at, COUNT(DISTINCT m.met_on) AS meetings
				FROM matching_pair p LEFT JOIN matching_meeting m ON m.pair_id = p.id
				WHERE p.course_id = ? AND p.ended_at IS NULL
				GROUP BY p.id, p.mentor_id, p.mentee_id, p.published_at ORDER BY p.id""")
			.param(course.value())
			.query((rs, row) -> new MeetingFigures.PairCount(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
					rs.getInt(4)))
			.list();
	}

	private static PairRow row(ResultSet rs, int row) throws SQLException {
		java.sql.Date last = rs.getDate("last_met");
		return new PairRow(new PairId(rs.getLong("id")), new CourseId(rs.getLong("course_id")),
				new PersonId(rs.getLong("mentor_id")), new PersonId(rs.getLong("mentee_id")),
				rs.getTimestamp("published_at").toInstant(), last == null ? null : last.toLocalDate(), rs.getLong("unseen") > 0);
	}

	record PairRow(PairId id, CourseId course, PersonId mentor, PersonId mentee, Instant publishedAt, LocalDate lastMet,
			boolean unseen) {

		Mentoring.PublishedPair published() {
			return new Mentoring.PublishedPair(this.id, this.course, this.mentor, this.mentee, this.publishedAt, this.lastMet);
		}

	}

}
