package org.coachapproach.matching;

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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published pairs as their people and other modules see them: who is paired with whom, when
 * they last met, when they are due a reminder, and the meeting times they agreed. Never
 * meeting notes.
 */
@Service
public class Mentoring {

	private final PairQueries queries;

	private final MatchNotices notices;

	private final People people;

	private final Matching matching;

	private final Intakes intakes;

	private final ProgramClock clock;

	Mentoring(PairQueries queries, MatchNotices notices, People people, Matching matching, Intakes intakes,
			ProgramClock clock) {
		this.queries = queries;
		this.notices = notices;
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
		return mine(member, this.queries.currentOf(member.course(), member.person()));
	}

	/** One of the member's own current pairs; empty for anyone else's. */
	public Optional<MyPair> pair(Member member, PairId pair) {
		return pairsOf(member).stream().filter(p -> p.id().equals(pair)).findFirst();
	}

	/** The member has seen the news of this pair. */
	@Transactional
	public void markSeen(Member member, PairId pair) {
		this.notices.markSeen(member.person().value(), pair.value(), this.clock.now());
	}

	/** Every current pair of the course with its last meeting date (for calendars and nudges). */
	public List<PublishedPair> publishedPairs(CourseId course) {
		return this.queries.currentIn(course).stream().map(PairQueries.PairRow::published).toList();
	}

	/** The person's current pairs in any course, with their last meeting date. */
	public List<PublishedPair> publishedPairsOf(PersonId person) {
		return this.queries.currentOfAnywhere(person).stream().map(PairQueries.PairRow::published).toList();
	}

	/** Meeting times the person's current pairs agreed on (accepted proposals), from {@code from} on. */
	public List<ScheduledMeeting> scheduledMeetings(PersonId person, Instant from) {
		return this.queries.scheduledMeetings(person, from);
	}

	private List<MyPair> mine(Member member, List<PairQueries.PairRow> rows) {
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
