package org.coachapproach.matching.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.matching.Matching;
import org.coachapproach.matching.Mentoring;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.Recipient;
import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.outreach.ReminderSample;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mentoring nudges by email: when a published pair has logged no meeting for the course's
 * reminder period (counted from the last logged meeting, or from publication if they never
 * met), both people get one email with a link to their pair page. The dedup key names the
 * pair, the date counted from and the number of whole periods since, so each period nudges
 * once, however often the check runs, and a meeting logged later starts the count afresh.
 * Never meeting notes or topics: only the partner's name and dates.
 */
@Component
public class MentoringNudges implements ReminderSample {

	public static final String TEMPLATE = "mentoring-nudge";

	private static final Logger log = LoggerFactory.getLogger(MentoringNudges.class);

	private final Mentoring mentoring;

	private final Matching matching;

	private final People people;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final ProgramClock clock;

	MentoringNudges(Mentoring mentoring, Matching matching, People people, MailOutbox outbox, MessageSource messages,
			ProgramClock clock) {
		this.mentoring = mentoring;
		this.matching = matching;
		this.people = people;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
	}

	/** Queues the nudges that are due in every course; returns how many messages were queued. */
	@SchedulerLock(name = "mentoring-nudges", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	@Scheduled(fixedDelayString = "${coachapproach.matching.nudge-check:PT6H}", initialDelayString = "PT2M")
	public int nudgeDue() {
		LocalDate today = this.clock.today();
		int queued = 0;
		for (CourseId course : this.people.courses()) {
			// Mail and its switch are the course's program's.
			org.coachapproach.people.ProgramId program = this.people.program(course).orElse(null);
			if (program == null || !this.outbox.enabled(program, ReminderKind.MENTORING_NUDGE)) {
				continue;
			}
			List<Mentoring.PublishedPair> pairs = this.mentoring.publishedPairs(course);
			if (pairs.isEmpty()) {
				continue;
			}
			int period = this.matching.reminderDays(course);
			for (Mentoring.PublishedPair pair : pairs) {
				LocalDate since = since(pair);
				long idle = ChronoUnit.DAYS.between(since, today);
				// A pair that already agreed on a coming meeting needs no nudge.
				if (idle >= period && !hasComingMeeting(pair)) {
					queued += nudge(program, pair, since, idle, idle / period, period);
				}
			}
		}
		return queued;
	}

	private boolean hasComingMeeting(Mentoring.PublishedPair pair) {
		return this.mentoring.scheduledMeetings(pair.mentor(), this.clock.now())
			.stream()
			.anyMatch(meeting -> meeting.pair().equals(pair.id()));
	}

	/** Queues this pair's nudge for the n-th period to both people (those with an address). */
	private int nudge(org.coachapproach.people.ProgramId program, Mentoring.PublishedPair pair, LocalDate since, long idle, long n, int period) {
		String dedupKey = dedupKey(pair, since, n);
		if (this.outbox.queued(program, dedupKey)) {
			return 0;
		}
		List<PersonId> both = List.of(pair.mentor(), pair.mentee());
		Map<PersonId, String> emails = this.people.emails(both);
		Map<PersonId, String> names = this.people.names(both);
		int queued = 0;
		for (PersonId person : both) {
			String email = emails.get(person);
			if (email == null || !MailOutbox.isAddress(email)) {
				log.info("Mentoring nudge for pair {}: person {} has no email address", pair.id().value(), person.value());
				continue;
			}
			boolean mentor = person.equals(pair.mentor());
			PersonId partner = mentor ? pair.mentee() : pair.mentor();
			Map<String, Object> model = model(names.getOrDefault(partner, "#" + partner.value()),
					mentor ? ProgramRole.MENTOR : ProgramRole.MENTEE, pair.lastMet(), idle, period,
					this.outbox.link("/matching/pairs/" + pair.id().value()), Locale.ENGLISH);
			MailOutbox.Outcome outcome = this.outbox.queue(program, new Recipient(email, names.get(person), person),
					ReminderKind.MENTORING_NUDGE, dedupKey, TEMPLATE, model, Locale.ENGLISH);
			if (outcome == MailOutbox.Outcome.QUEUED) {
				queued++;
			}
		}
		return queued;
	}

	private LocalDate since(Mentoring.PublishedPair pair) {
		return pair.lastMet() != null ? pair.lastMet() : this.clock.dateOf(pair.publishedAt());
	}

	/** {@code mentoring-nudge:<pair>:<date counted from>:<whole periods since>}. */
	static String dedupKey(Mentoring.PublishedPair pair, LocalDate since, long n) {
		return "mentoring-nudge:" + pair.id().value() + ":" + since + ":" + n;
	}

	static Map<String, Object> model(String partnerName, ProgramRole role, LocalDate lastMet, long idleDays, int period,
			String pairUrl, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("partnerName", partnerName);
		model.put("role", role.name());
		model.put("lastMet", lastMet == null ? null
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(lastMet));
		model.put("days", idleDays);
		model.put("period", period);
		model.put("pairUrl", pairUrl);
		return model;
	}

	@Override
	public ReminderKind kind() {
		return ReminderKind.MENTORING_NUDGE;
	}

	@Override
	public String template() {
		return TEMPLATE;
	}

	/**
	 * A made-up pair (no real pair's people are shown to staff): a mentee who last met their
	 * mentor one default period and a week ago.
	 */
	@Override
	public Map<String, Object> model(Locale locale) {
		int period = this.matching.reminderDays(new CourseId(0));
		LocalDate today = this.clock.today();
		long idle = period + 7L;
		return model(this.messages.getMessage("matching.mail.nudge.samplePartner", null, locale), ProgramRole.MENTEE,
				today.minusDays(idle), idle, period, this.outbox.link("/matching/meetings"), locale);
	}

}
