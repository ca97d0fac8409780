package org.coachapproach.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.outreach.AgendaEntry;
import org.coachapproach.outreach.ICalendar;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting log of a pair and the scheduling help: either person logs a meeting they had
 * (private notes stay the author's), proposes times, accepts one the other proposed, and
 * downloads it as an iCalendar invitation. Only the pair's two people may do any of it.
 */
@Service
public class Meetings {

	static final Set<String> FORMATS = Set.of("IN_PERSON", "VIDEO", "PHONE");

	static final int MAX_TOPICS = 2000;

	static final int MAX_NOTE = 10_000;

	/** A meeting is logged after it happened: one day's grace for time zones, none further. */
	static final int FUTURE_DAYS = 1;

	static final int PAST_YEARS = 2;

	static final int MAX_TIMES = 3;

	private final LoggedMeetings meetings;

	private final MeetingNotes notes;

	private final ProposedTimes times;

	private final PairQueries queries;

	private final Mentoring mentoring;

	private final Curriculum curriculum;

	private final ApplicationEventPublisher events;

	private final ProgramClock clock;

	Meetings(LoggedMeetings meetings, MeetingNotes notes, ProposedTimes times, PairQueries queries, Mentoring mentoring,
			Curriculum curriculum, ApplicationEventPublisher events, ProgramClock clock) {
		this.meetings = meetings;
		this.notes = notes;
		this.times = times;
		this.queries = queries;
		this.mentoring = mentoring;
		this.curriculum = curriculum;
		this.events = events;
		this.clock = clock;
	}

	/** The course's time zone, in which meeting dates and proposed times are read. */
	public ZoneId zone() {
		return this.clock.zone();
	}

	/**
	 * Logs a meeting the member had with their partner in {@code pair}.
	 * @throws MatchingRefusedException for someone else's pair or a bad entry; nothing saved
	 */
	@Transactional
	public long log(Member member, PairId pair, NewMeeting meeting) {
		Mentoring.MyPair mine = own(member, pair);
		LocalDate today = this.clock.today();
		if (meeting.metOn() == null) {
			throw new MatchingRefusedException("meeting.dateMissing");
		}
		if (meeting.metOn().isAfter(today.plusDays(FUTURE_DAYS))) {
			throw new MatchingRefusedException("meeting.future", meeting.metOn().toString());
		}
		if (meeting.metOn().isBefore(today.minusYears(PAST_YEARS))) {
			throw new MatchingRefusedException("meeting.past", meeting.metOn().toString());
		}
		if (meeting.durationMinutes() == null || meeting.durationMinutes() < 5 || meeting.durationMinutes() > 480) {
			throw new MatchingRefusedException("meeting.duration", Objects.toString(meeting.durationMinutes(), ""));
		}
		if (meeting.format() == null || !FORMATS.contains(meeting.format())) {
			throw new MatchingRefusedException("meeting.format", Objects.toString(meeting.format(), ""));
		}
		for (String behaviour : meeting.behaviours()) {
			if (this.curriculum.competency(behaviour).isEmpty()) {
				throw new MatchingRefusedException("meeting.behaviour", behaviour);
			}
		}
		String topics = blankToNull(meeting.topics());
		String note = blankToNull(meeting.privateNote());
		if (topics != null && topics.length() > MAX_TOPICS) {
			throw new MatchingRefusedException("meeting.topicsTooLong", MAX_TOPICS);
		}
		if (note != null && note.length() > MAX_NOTE) {
			throw new MatchingRefusedException("meeting.noteTooLong", MAX_NOTE);
		}
		long id = this.meetings.save(new LoggedMeeting(pair, member.person(), meeting.metOn(), meeting.durationMinutes(),
				meeting.format(), topics, meeting.behaviours().stream().distinct().toList(), this.curriculum.contentHash(),
				this.clock.now())).id();
		if (note != null) {
			this.notes.save(new MeetingNote(id, member.person(), note));
		}
		this.events.publishEvent(new MeetingLogged(mine.id(), member.course(), member.person(), meeting.metOn()));
		return id;
	}

	/** The pair's meetings, newest first; a private note only on the member's own entries. */
	public List<Meeting> of(Member member, PairId pair) {
		own(member, pair);
		List<LoggedMeeting> logged = this.meetings.findByPairIdOrderByMetOnDescIdDesc(pair.value());
		Map<Long, String> own = new HashMap<>();
		if (!logged.isEmpty()) {
			this.notes.findByAuthorIdAndMeetingIdIn(member.person().value(), logged.stream().map(LoggedMeeting::id).toList())
				.forEach(n -> own.put(n.meetingId(), n.note()));
		}
		return logged.stream().map(m -> m.view(member.person(), own.get(m.id()))).toList();
	}

	/** Proposes one to three future times (course time zone) for the partner to choose from. */
	@Transactional
	public void propose(Member member, PairId pair, List<LocalDateTime> times, Integer durationMinutes) {
		own(member, pair);
		List<LocalDateTime> given = times.stream().filter(Objects::nonNull).distinct().toList();
		if (given.isEmpty() || given.size() > MAX_TIMES) {
			throw new MatchingRefusedException("time.count", MAX_TIMES);
		}
		if (durationMinutes == null || durationMinutes < 5 || durationMinutes > 480) {
			throw new MatchingRefusedException("meeting.duration", Objects.toString(durationMinutes, ""));
		}
		Instant now = this.clock.now();
		List<Instant> starts = new ArrayList<>();
		for (LocalDateTime time : given) {
			Instant start = this.clock.instantOf(time);
			if (!start.isAfter(now) || start.isAfter(now.plus(Duration.ofDays(366)))) {
				throw new MatchingRefusedException("time.range", time.toString().replace('T', ' '));
			}
			starts.add(start);
		}
		for (Instant start : starts) {
			this.times.save(new ProposedTimeRecord(pair, member.person(), start, durationMinutes, now));
		}
	}

	/** The pair's proposed times from now on, and every accepted one still ahead. */
	public List<ProposedTime> times(Member member, PairId pair) {
		own(member, pair);
		return this.times.findByPairIdAndStartsAtAfterOrderByStartsAtAscIdAsc(pair.value(), this.clock.now())
			.stream()
			.map(t -> t.view(member.person()))
			.toList();
	}

	/** The partner accepts one of the times the other proposed. */
	@Transactional
	public void accept(Member member, PairId pair, long timeId) {
		Mentoring.MyPair mine = own(member, pair);
		ProposedTime time = times(member, pair).stream()
			.filter(t -> t.id() == timeId)
			.findFirst()
			.orElseThrow(() -> new MatchingRefusedException("time.unknown"));
		if (time.mine()) {
			throw new MatchingRefusedException("time.ownProposal");
		}
		if (time.accepted()) {
			throw new MatchingRefusedException("time.alreadyAccepted");
		}
		this.times.findByIdAndPairId(timeId, pair.value()).orElseThrow().accept(this.clock.now());
		this.events.publishEvent(new MeetingScheduled(mine.id(), member.course(), time.startsAt(), time.durationMinutes()));
	}

	/**
	 * The accepted time as an iCalendar file, with the same UID as the event on the person's
	 * calendar feed, so a calendar that has both keeps one meeting.
	 */
	public String invitation(Member member, PairId pair, long timeId) {
		Mentoring.MyPair mine = own(member, pair);
		ProposedTime time = times(member, pair).stream()
			.filter(t -> t.id() == timeId && t.accepted())
			.findFirst()
			.orElseThrow(() -> new MatchingRefusedException("time.unknown"));
		String summary = "Mentoring meeting: " + member.displayName() + " and " + mine.partnerName();
		AgendaEntry meeting = new AgendaEntry(meetingUid(time.id()), summary, "Coach Approach mentoring program",
				time.startsAt(), time.startsAt().plus(Duration.ofMinutes(time.durationMinutes())), null, null,
				List.of("MENTORING"), 0, false, null);
		return ICalendar.feed(summary, List.of(meeting), this.clock.now());
	}

	/**
	 * The mentor's record of mentoring in the course, as counts and dates only (never topics or
	 * notes): for the letter of mentoring service.
	 */
	public MentoringRecord recordOf(PersonId mentor, CourseId course) {
		return this.queries.recordOf(mentor, course);
	}

	/** @param firstMet the first logged meeting's date, {@code null} when none */
	public record MentoringRecord(int mentees, int meetings, LocalDate firstMet, LocalDate lastMet) {
	}

	/** The calendar UID of an agreed meeting time: stable, one per meeting. */
	public static String meetingUid(long timeId) {
		return "meeting-" + timeId + "@mentoring.coachapproach";
	}

	private Mentoring.MyPair own(Member member, PairId pair) {
		return this.mentoring.pair(member, pair).orElseThrow(() -> new MatchingRefusedException("notYourPair"));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** A meeting as entered; {@code behaviours} are ICF competency ids the mentor practised. */
	public record NewMeeting(LocalDate metOn, Integer durationMinutes, String format, String topics, List<String> behaviours,
			String privateNote) {

		public NewMeeting {
			behaviours = List.copyOf(behaviours);
		}

	}

	/**
	 * A logged meeting.
	 * @param mine logged by the member reading it
	 * @param privateNote the member's own note, never anyone else's ({@code null} otherwise)
	 */
	public record Meeting(long id, boolean mine, LocalDate metOn, int durationMinutes, String format, String topics,
			List<String> behaviours, String privateNote) {
	}

	/** A proposed time; {@code mine} when the member proposed it. */
	public record ProposedTime(long id, boolean mine, Instant startsAt, int durationMinutes, boolean accepted) {
	}

}
