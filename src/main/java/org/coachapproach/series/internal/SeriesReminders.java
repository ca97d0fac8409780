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
import org.coachapproach.people.ProgramId;
import org.coachapproach.people.RosterEntry;
import org.coachapproach.series.ScheduledSession;
import org.coachapproach.series.SeriesProperties;
import org.coachapproach.series.SeriesSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly reminder: once a session is within the lead time (two days by default), its
 * topic, presenter and join link go to everyone on a roster of one of the program's courses and
 * on the program's faculty list (each address once), never to another program's people. The dedup key names the session and its start, so a session moved to
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
			SeriesProperties properties) {
		this.schedule = schedule;
		this.outbox = outbox;
		this.people = people;
		this.faculty = faculty;
		this.clock = clock;
		this.lead = properties.reminderLead();
	}

	/** Queues the reminders that are due; returns how many messages were queued. */
	@SchedulerLock(name = "series-reminders", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	@Scheduled(fixedDelayString = "${coachapproach.series.reminder-check:PT15M}", initialDelayString = "PT1M")
	public int remindDue() {
		Instant now = this.clock.instant();
		int queued = 0;
		for (ProgramId program : this.people.programs()) {
			for (ScheduledSession scheduled : this.schedule.upcoming(program)) {
				SeriesSession s = scheduled.session();
				Instant start = s.startsAt().toInstant();
				if (!s.cancelled() && start.isAfter(now) && !start.isAfter(now.plus(this.lead))) {
					queued += remind(program, s);
				}
			}
		}
		return queued;
	}

	/** Queues this session's reminder to the program's people (a no-op when it was already queued). */
	public int remind(ProgramId program, SeriesSession session) {
		String dedupKey = dedupKey(session);
		if (this.outbox.queued(program, dedupKey) || !this.outbox.enabled(program, ReminderKind.SERIES_SESSION)) {
			return 0;
		}
		Map<MailOutbox.Outcome, Integer> outcomes = this.outbox.queueAll(program, recipients(program),
				ReminderKind.SERIES_SESSION, dedupKey, TEMPLATE, model(session, Locale.ENGLISH), Locale.ENGLISH);
		log.info("Series reminder for {} in program {}: {}", session.id(), program.value(), outcomes);
		return outcomes.get(MailOutbox.Outcome.QUEUED);
	}

	static String dedupKey(SeriesSession session) {
		return "series-session:" + session.id() + ":" + session.startsAt().toOffsetDateTime();
	}

	/**
	 * Everyone with an email address on a roster of the program's courses, then the program's
	 * faculty list; each address once.
	 */
	List<Recipient> recipients(ProgramId program) {
		Map<String, Recipient> byAddress = new LinkedHashMap<>();
		for (var course : this.people.courses(program)) {
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
		for (FacultyList.Faculty f : this.faculty.all(program)) {
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

	/** Without a program, the files' first session (no program's changes). */
	@Override
	public Map<String, Object> model(Locale locale) {
		return this.schedule.files().stream().findFirst().map(s -> model(s, locale))
			.orElseThrow(() -> new IllegalStateException("no series session to preview: the catalog is empty"));
	}

	/** The program's next upcoming session, or its latest one when none is scheduled. */
	@Override
	public Map<String, Object> model(ProgramId program, Locale locale) {
		List<ScheduledSession> upcoming = this.schedule.upcoming(program)
			.stream()
			.filter(s -> !s.session().cancelled())
			.toList();
		List<ScheduledSession> all = this.schedule.all(program);
		if (upcoming.isEmpty() && all.isEmpty()) {
			throw new IllegalStateException("no series session to preview: the schedule is empty");
		}
		ScheduledSession shown = !upcoming.isEmpty() ? upcoming.get(0) : all.get(all.size() - 1);
		return model(shown.session(), locale);
	}

}
