package org.coachapproach.series.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.outreach.FacultyList;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.Recipient;
import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.outreach.ReminderSample;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.RosterEntry;
import org.coachapproach.series.ScheduledSession;
import org.coachapproach.series.SeriesSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly reminder: once a session is within the lead time (two days by default), its
 * topic, presenter and join link go to everyone on a course roster and on the faculty list
 * (each address once). The dedup key names the session and its start, so a session moved to
 * another time is announced again and nothing else is ever sent twice.
 */
@Component
public class SeriesReminders implements ReminderSample {

	public static final String TEMPLATE = "series-session";

	private static final Logger log = LoggerFactory.getLogger(SeriesReminders.class);

	private final SeriesSchedule schedule;

	private final MailOutbox outbox;

	private final People people;

	private final FacultyList faculty;

	private final Clock clock;

	private final Duration lead;

	SeriesReminders(SeriesSchedule schedule, MailOutbox outbox, People people, FacultyList faculty, Clock clock,
			@Value("${coachapproach.series.reminder-lead:PT48H}") Duration lead) {
		this.schedule = schedule;
		this.outbox = outbox;
		this.people = people;
		this.faculty = faculty;
		this.clock = clock;
		this.lead = lead;
	}

	/** Queues the reminders that are due; returns how many messages were queued. */
	@Scheduled(fixedDelayString = "${coachapproach.series.reminder-check:PT15M}", initialDelayString = "PT1M")
	public int remindDue() {
		Instant now = this.clock.instant();
		int queued = 0;
		for (ScheduledSession scheduled : this.schedule.upcoming()) {
			SeriesSession s = scheduled.session();
			Instant start = s.startsAt().toInstant();
			if (!s.cancelled() && start.isAfter(now) && !start.isAfter(now.plus(this.lead))) {
				queued += remind(s);
			}
		}
		return queued;
	}

	/** Queues this session's reminder to everyone (a no-op when it was already queued). */
	public int remind(SeriesSession session) {
		String dedupKey = dedupKey(session);
		if (this.outbox.queued(dedupKey) || !this.outbox.enabled(ReminderKind.SERIES_SESSION)) {
			return 0;
		}
		Map<MailOutbox.Outcome, Integer> outcomes = this.outbox.queueAll(recipients(), ReminderKind.SERIES_SESSION,
				dedupKey, TEMPLATE, model(session, Locale.ENGLISH), Locale.ENGLISH);
		log.info("Series reminder for {}: {}", session.id(), outcomes);
		return outcomes.get(MailOutbox.Outcome.QUEUED);
	}

	static String dedupKey(SeriesSession session) {
		return "series-session:" + session.id() + ":" + session.startsAt().toOffsetDateTime();
	}

	/** Everyone on a course roster with an email address, then the faculty list; each address once. */
	List<Recipient> recipients() {
		Map<String, Recipient> byAddress = new LinkedHashMap<>();
		for (var course : this.people.courses()) {
			List<RosterEntry> roster = this.people.roster(course);
			Map<PersonId, String> emails = this.people.emails(roster.stream().map(RosterEntry::person).toList());
			for (RosterEntry entry : roster) {
				String email = emails.get(entry.person());
				if (email != null && MailOutbox.isAddress(email)) {
					Recipient r = new Recipient(email, entry.displayName(), entry.person());
					byAddress.putIfAbsent(r.address(), r);
				}
			}
		}
		for (FacultyList.Faculty f : this.faculty.all()) {
			Recipient r = f.recipient();
			byAddress.putIfAbsent(r.address(), r);
		}
		return new ArrayList<>(byAddress.values());
	}

	static Map<String, Object> model(SeriesSession s, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("title", s.title());
		model.put("presenter", s.presenter());
		model.put("summary", s.summary());
		model.put("joinUrl", s.joinUrl());
		model.put("when", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(locale)
			.format(s.startsAt()) + " (" + s.timeZone().getId() + ")");
		return model;
	}

	@Override
	public ReminderKind kind() {
		return ReminderKind.SERIES_SESSION;
	}

	@Override
	public String template() {
		return TEMPLATE;
	}

	/** The next upcoming session, or the latest one when none is scheduled. */
	@Override
	public Map<String, Object> model(Locale locale) {
		List<ScheduledSession> upcoming = this.schedule.upcoming().stream().filter(s -> !s.session().cancelled()).toList();
		List<ScheduledSession> all = this.schedule.all();
		if (upcoming.isEmpty() && all.isEmpty()) {
			throw new IllegalStateException("no series session to preview: the schedule is empty");
		}
		ScheduledSession shown = !upcoming.isEmpty() ? upcoming.get(0) : all.get(all.size() - 1);
		return model(shown.session(), locale);
	}

}
