package org.coachapproach.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Published pairs as their people and other modules see them: who is paired with whom, when
 * they last met, when they are due a reminder, and the meeting times they agreed. Never
 * meeting notes.
 */
@Service
public class Mentoring {

	private static final String PAIR_SQL = """
			SELECT p.id, p.course_id, p.mentor_id, p.mentee_id, p.published_at,
			       (SELECT MAX(m.met_on) FROM matching_meeting m WHERE m.pair_id = p.id) AS last_met,
			       (SELECT COUNT(*) FROM matching_notice n WHERE n.pair_id = p.id AND n.person_id = ? AND n.seen_at IS NULL) AS unseen
			FROM matching_pair p WHERE p.ended_at IS NULL""";

	private final JdbcClient jdbc;

	private final People people;

	private final Matching matching;

	private final Intakes intakes;

	private final ProgramClock clock;

	Mentoring(JdbcClient jdbc, People people, Matching matching, Intakes intakes, ProgramClock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.matching = matching;
		this.intakes = intakes;
		this.clock = clock;
	}

	/** What the home page shows of mentoring for this member. */
	public Home home(Member member) {
		if (member.course() == null) {
			return new Home(false, false, List.of(), false);
		}
		boolean questionnaire = this.intakes.formFor(member).isPresent();
		boolean answered = questionnaire && this.intakes.of(member.course(), member.person()).isPresent();
		return new Home(questionnaire, answered, pairsOf(member), Matching.mayMatch(member));
	}

	/** The member's current pairs in their course, partner named. */
	public List<MyPair> pairsOf(Member member) {
		if (member.course() == null) {
			return List.of();
		}
		List<Row> rows = this.jdbc.sql(PAIR_SQL + " AND p.course_id = ? AND (p.mentor_id = ? OR p.mentee_id = ?) ORDER BY p.id")
			.params(member.person().value(), member.course().value(), member.person().value(), member.person().value())
			.query(this::row)
			.list();
		return mine(member, rows);
	}

	/** One of the member's own current pairs; empty for anyone else's. */
	public Optional<MyPair> pair(Member member, PairId pair) {
		return pairsOf(member).stream().filter(p -> p.id().equals(pair)).findFirst();
	}

	/** The member has seen the news of this pair. */
	public void markSeen(Member member, PairId pair) {
		this.jdbc.sql("UPDATE matching_notice SET seen_at = ? WHERE person_id = ? AND pair_id = ? AND seen_at IS NULL")
			.params(Timestamp.from(this.clock.now()), member.person().value(), pair.value())
			.update();
	}

	/** Every current pair of the course with its last meeting date (for calendars and nudges). */
	public List<PublishedPair> publishedPairs(CourseId course) {
		return this.jdbc.sql(PAIR_SQL + " AND p.course_id = ? ORDER BY p.id")
			.params(0L, course.value())
			.query(this::row)
			.list()
			.stream()
			.map(Row::published)
			.toList();
	}

	/** The person's current pairs in any course, with their last meeting date. */
	public List<PublishedPair> publishedPairsOf(PersonId person) {
		return this.jdbc.sql(PAIR_SQL + " AND (p.mentor_id = ? OR p.mentee_id = ?) ORDER BY p.id")
			.params(0L, person.value(), person.value())
			.query(this::row)
			.list()
			.stream()
			.map(Row::published)
			.toList();
	}

	/** Meeting times the person's current pairs agreed on (accepted proposals), from {@code from} on. */
	public List<ScheduledMeeting> scheduledMeetings(PersonId person, Instant from) {
		return this.jdbc.sql("""
				SELECT t.id, t.pair_id, p.course_id, p.mentor_id, p.mentee_id, t.starts_at, t.duration_minutes, t.accepted_at
				FROM matching_time_proposal t JOIN matching_pair p ON p.id = t.pair_id
				WHERE p.ended_at IS NULL AND t.accepted_at IS NOT NULL AND t.starts_at >= ?
				  AND (p.mentor_id = ? OR p.mentee_id = ?)
				ORDER BY t.starts_at, t.id""")
			.params(Timestamp.from(from), person.value(), person.value())
			.query((rs, row) -> new ScheduledMeeting(rs.getLong("id"), new PairId(rs.getLong("pair_id")),
					new CourseId(rs.getLong("course_id")), new PersonId(rs.getLong("mentor_id")),
					new PersonId(rs.getLong("mentee_id")), rs.getTimestamp("starts_at").toInstant(),
					rs.getInt("duration_minutes"), rs.getTimestamp("accepted_at").toInstant()))
			.list();
	}

	private List<MyPair> mine(Member member, List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<PersonId, String> names = this.people.names(rows.stream()
			.map(r -> r.mentor().equals(member.person()) ? r.mentee() : r.mentor())
			.collect(Collectors.toSet()));
		int reminderDays = this.matching.reminderDays(member.course());
		LocalDate today = this.clock.today();
		return rows.stream().map(r -> {
			boolean mentor = r.mentor().equals(member.person());
			PersonId partner = mentor ? r.mentee() : r.mentor();
			LocalDate since = r.lastMet() != null ? r.lastMet() : this.clock.dateOf(r.publishedAt());
			long days = ChronoUnit.DAYS.between(since, today);
			return new MyPair(r.id(), mentor ? ProgramRole.MENTOR : ProgramRole.MENTEE, partner,
					names.getOrDefault(partner, "#" + partner.value()), r.publishedAt(), r.lastMet(),
					days >= reminderDays ? days : 0, r.unseen());
		}).toList();
	}

	private Row row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.sql.Date last = rs.getDate("last_met");
		return new Row(new PairId(rs.getLong("id")), new CourseId(rs.getLong("course_id")),
				new PersonId(rs.getLong("mentor_id")), new PersonId(rs.getLong("mentee_id")),
				rs.getTimestamp("published_at").toInstant(), last == null ? null : last.toLocalDate(), rs.getLong("unseen") > 0);
	}

	private record Row(PairId id, CourseId course, PersonId mentor, PersonId mentee, Instant publishedAt, LocalDate lastMet,
			boolean unseen) {

		PublishedPair published() {
			return new PublishedPair(this.id, this.course, this.mentor, this.mentee, this.publishedAt, this.lastMet);
		}

	}

	/**
	 * What the home page shows.
	 * @param questionnaire the member fills a matching questionnaire (a mentor or mentee)
	 * @param staff the member matches (link to the staff pages)
	 */
	public record Home(boolean questionnaire, boolean answered, List<MyPair> pairs, boolean staff) {
	}

	/**
	 * One of the member's pairs.
	 * @param myRole the member's part in it
	 * @param reminderDays days without a meeting when past the course's reminder period, else 0
	 * @param news the member has not opened the pair since it was published
	 */
	public record MyPair(PairId id, ProgramRole myRole, PersonId partner, String partnerName, Instant publishedAt,
			LocalDate lastMet, long reminderDays, boolean news) {
	}

	/** A current pair, for other modules: {@code lastMet} is {@code null} before the first logged meeting. */
	public record PublishedPair(PairId id, CourseId course, PersonId mentor, PersonId mentee, Instant publishedAt,
			LocalDate lastMet) {
	}

	/** A meeting time the pair agreed on ({@code acceptedAt}: when the partner accepted it). */
	public record ScheduledMeeting(long id, PairId pair, CourseId course, PersonId mentor, PersonId mentee, Instant startsAt,
			int durationMinutes, Instant acceptedAt) {
	}

}
