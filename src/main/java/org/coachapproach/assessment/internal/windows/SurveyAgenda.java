package org.coachapproach.assessment.internal.windows;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.assessment.SurveyWindow;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.outreach.AgendaEntry;
import org.coachapproach.outreach.AgendaSource;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.RosterEntry;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The survey windows a person is asked for, open now or still to come, on their own calendar
 * feed: one all-day event from the first day to the last (free time, so it blocks nothing), titled with the survey, linked to the survey list. Never whether they answered.
 * UIDs name course, instrument and wave, so moved dates replace the event calendars have.
 */
@Component
class SurveyAgenda implements AgendaSource {

	private final SurveyAdministration administration;

	private final Curriculum curriculum;

	private final People people;

	private final MailOutbox outbox;

	private final MessageSource messages;

	SurveyAgenda(SurveyAdministration administration, Curriculum curriculum, People people, MailOutbox outbox,
			MessageSource messages) {
		this.administration = administration;
		this.curriculum = curriculum;
		this.people = people;
		this.outbox = outbox;
		this.messages = messages;
	}

	@Override
	public List<AgendaEntry> agendaFor(PersonId person) {
		LocalDate today = this.administration.today();
		DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH);
		List<AgendaEntry> entries = new ArrayList<>();
		for (CourseId course : this.administration.coursesWithWindows()) {
			List<SurveyWindow> windows = this.administration.windows(course)
				.stream()
				.filter(w -> !w.closesOn().isBefore(today))
				.toList();
			if (windows.isEmpty()) {
				continue;
			}
			RosterEntry member = this.people.roster(course)
				.stream()
				.filter(r -> r.person().equals(person))
				.findFirst()
				.orElse(null);
			if (member == null || member.programRole() == null) {
				continue;
			}
			for (SurveyWindow w : windows) {
				Instrument instrument = this.curriculum.instrument(w.instrumentId()).orElse(null);
				if (instrument == null || !instrument.asks(member.programRole())
						|| !this.administration.runs(course, instrument, w.wave())) {
					continue;
				}
				entries.add(AgendaEntry.allDay(uid(course, w),
						this.messages.getMessage("assessment.agenda.title", new Object[] { instrument.title() },
								Locale.ENGLISH),
						this.messages.getMessage("assessment.agenda.description",
								new Object[] { format.format(w.opensOn()), format.format(w.closesOn()) }, Locale.ENGLISH),
						w.opensOn(), w.closesOn(), this.outbox.link("/surveys"), List.of("SURVEY"), null));
			}
		}
		return entries;
	}

	static String uid(CourseId course, SurveyWindow window) {
		return "survey-" + course.value() + "-" + window.instrumentId() + "-" + window.wave().label()
				+ "@assessment.coachapproach";
	}

}
