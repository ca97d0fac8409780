package org.coachapproach.assessment.internal.windows;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.assessment.SurveyWindow;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.Recipient;
import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.outreach.ReminderSample;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.RosterEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Survey windows by email: once a window has opened, everyone on the course roster the
 * instrument asks gets one "survey open" email; {@link #CLOSING_DAYS} days before it closes,
 * one "closing soon" email. The dedup keys name the course, instrument, wave and the date
 * (opening or closing), so each reminder goes once to each person however often the check
 * runs (someone who joins the course while the window is open gets it at the next check),
 * and a window moved to new dates reminds afresh. Only the survey's title and dates, and a link to
 * the survey list.
 */
@Component
public class SurveyWindowReminders {

	/** One template for both reminders; the model's {@code moment} (opening, closing) picks the words. */
	public static final String TEMPLATE = "survey-window";

	/** How many days before the window closes the "closing soon" email goes. */
	static final int CLOSING_DAYS = 2;

	private static final Logger log = LoggerFactory.getLogger(SurveyWindowReminders.class);

	private final SurveyAdministration administration;

	private final Curriculum curriculum;

	private final People people;

	private final MailOutbox outbox;

	SurveyWindowReminders(SurveyAdministration administration, Curriculum curriculum, People people,
			MailOutbox outbox) {
		this.administration = administration;
		this.curriculum = curriculum;
		this.people = people;
		this.outbox = outbox;
	}

	/** Queues the reminders that are due in every course; returns how many messages were queued. */
	@SchedulerLock(name = "survey-window-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	@Scheduled(fixedDelayString = "${coachapproach.assessment.reminder-check:PT1H}", initialDelayString = "PT2M")
	public int remindDue() {
		LocalDate today = this.administration.today();
		int queued = 0;
		for (CourseId course : this.administration.coursesWithWindows()) {
			// Mail and its switches are the course's program's.
			org.coachapproach.people.ProgramId program = this.people.program(course).orElse(null);
			if (program == null) {
				continue;
			}
			boolean opening = this.outbox.enabled(program, ReminderKind.SURVEY_WINDOW_OPENING);
			boolean closing = this.outbox.enabled(program, ReminderKind.SURVEY_WINDOW_CLOSING);
			List<RosterEntry> roster = null;
			for (SurveyWindow window : this.administration.windows(course)) {
				if (!window.isOpenOn(today)) {
					continue;
				}
				Instrument instrument = this.curriculum.instrument(window.instrumentId()).orElse(null);
				if (instrument == null || !this.administration.runs(course, instrument, window.wave())) {
					continue;
				}
				if (roster == null) {
					roster = this.people.roster(course);
				}
				if (opening) {
					queued += remind(program, course, instrument, window, roster, ReminderKind.SURVEY_WINDOW_OPENING,
							dedupKey("survey-window-opening", course, window, window.opensOn()));
				}
				if (closing && ChronoUnit.DAYS.between(today, window.closesOn()) <= CLOSING_DAYS) {
					queued += remind(program, course, instrument, window, roster, ReminderKind.SURVEY_WINDOW_CLOSING,
							dedupKey("survey-window-closing", course, window, window.closesOn()));
				}
			}
		}
		return queued;
	}

	/**
	 * Queues one reminder to everyone on the roster the instrument asks (those with an address).
	 * CONFIDENTIALITY: the recipients are chosen by the roster and the instrument's audience
	 * only, never by who has or has not responded. Reminding only non-respondents would tell
	 * whoever sees the mail log (and each recipient) who answered; the tool neither reveals nor
	 * uses that, so respondents get the closing reminder too, and its text says to ignore it
	 * if they already answered.
	 */
	private int remind(org.coachapproach.people.ProgramId program, CourseId course, Instrument instrument, SurveyWindow window, List<RosterEntry> roster,
			ReminderKind kind, String dedupKey) {
		List<PersonId> asked = roster.stream()
			.filter(r -> r.programRole() != null && instrument.asks(r.programRole()))
			.map(RosterEntry::person)
			.toList();
		Map<PersonId, String> emails = this.people.emails(asked);
		Map<PersonId, String> names = this.people.names(asked);
		List<Recipient> recipients = new java.util.ArrayList<>();
		for (PersonId person : asked) {
			String email = emails.get(person);
			if (email == null || !MailOutbox.isAddress(email)) {
				log.info("Survey reminder {}: person {} has no email address", dedupKey, person.value());
				continue;
			}
			recipients.add(new Recipient(email, names.get(person), person));
		}
		if (recipients.isEmpty()) {
			return 0;
		}
		Map<String, Object> model = model(kind, instrument.title(), window.opensOn(), window.closesOn(),
				this.outbox.link("/surveys"), Locale.ENGLISH);
		return this.outbox.queueAll(program, recipients, kind, dedupKey, TEMPLATE, model, Locale.ENGLISH)
			.get(MailOutbox.Outcome.QUEUED);
	}

	/** {@code <prefix>:<course>:<instrument>:<wave>:<date>}. */
	static String dedupKey(String prefix, CourseId course, SurveyWindow window, LocalDate date) {
		return prefix + ":" + course.value() + ":" + window.instrumentId() + ":" + window.wave().label() + ":" + date;
	}

	static Map<String, Object> model(ReminderKind kind, String title, LocalDate opensOn, LocalDate closesOn,
			String surveysUrl, Locale locale) {
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		Map<String, Object> model = new HashMap<>();
		model.put("moment", kind == ReminderKind.SURVEY_WINDOW_OPENING ? "opening" : "closing");
		model.put("title", title);
		model.put("opensOn", format.format(opensOn));
		model.put("closesOn", format.format(closesOn));
		model.put("surveysUrl", surveysUrl);
		return model;
	}

	/** A made-up survey for the staff preview (no real course's survey is shown). */
	private abstract static class Sample implements ReminderSample {

		private final SurveyAdministration administration;

		private final MailOutbox outbox;

		private final MessageSource messages;

		Sample(SurveyAdministration administration, MailOutbox outbox, MessageSource messages) {
			this.administration = administration;
			this.outbox = outbox;
			this.messages = messages;
		}

		@Override
		public String template() {
			return TEMPLATE;
		}

		@Override
		public Map<String, Object> model(Locale locale) {
			LocalDate today = this.administration.today();
			return SurveyWindowReminders.model(kind(), this.messages.getMessage("assessment.mail.sampleTitle", null, locale),
					today.minusDays(12), today.plusDays(CLOSING_DAYS), this.outbox.link("/surveys"), locale);
		}

	}

	@Component
	static class OpeningSample extends Sample {

		OpeningSample(SurveyAdministration administration, MailOutbox outbox, MessageSource messages) {
			super(administration, outbox, messages);
		}

		@Override
		public ReminderKind kind() {
			return ReminderKind.SURVEY_WINDOW_OPENING;
		}

	}

	@Component
	static class ClosingSample extends Sample {

		ClosingSample(SurveyAdministration administration, MailOutbox outbox, MessageSource messages) {
			super(administration, outbox, messages);
		}

		@Override
		public ReminderKind kind() {
			return ReminderKind.SURVEY_WINDOW_CLOSING;
		}

	}

}
