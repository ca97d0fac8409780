package org.coachapproach.series;

import java.util.List;
import java.util.Locale;

import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.outreach.AgendaEntry;
import org.coachapproach.outreach.AgendaSource;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramId;

import org.springframework.stereotype.Component;

/**
 * The series as calendar entries: every session of the program (held, upcoming or cancelled),
 * the same for everyone in it. UIDs are the session ids, so an edited or cancelled session replaces the one
 * calendars already have.
 */
@Component
public class SeriesAgenda implements AgendaSource {

	private final SeriesSchedule schedule;

	SeriesAgenda(SeriesSchedule schedule) {
		this.schedule = schedule;
	}

	/** Without a program there is no schedule to show. */
	@Override
	public List<AgendaEntry> agendaFor(PersonId person) {
		return List.of();
	}

	@Override
	public List<AgendaEntry> agendaFor(ProgramId program, PersonId person) {
		return entries(program, null);
	}

	/** The program's whole series, or one category of it. */
	public List<AgendaEntry> entries(ProgramId program, SeriesCategory category) {
		return this.schedule.all(program)
			.stream()
			.filter(s -> category == null || s.session().category() == category)
			.map(SeriesAgenda::entry)
			.toList();
	}

	static AgendaEntry entry(ScheduledSession scheduled) {
		SeriesSession s = scheduled.session();
		StringBuilder description = new StringBuilder();
		description.append(s.presenter()).append("\n\n").append(s.summary());
		if (s.joinUrl() != null && !s.cancelled()) {
			description.append("\n\n").append(s.joinUrl());
		}
		return new AgendaEntry(s.id() + "@cfds.coachapproach", "CFDS: " + s.title(), description.toString(),
				s.startsAt().toInstant(), s.endsAt().toInstant(), s.cancelled() ? null : s.joinUrl(), s.joinUrl(),
				List.of(s.category().label().toUpperCase(Locale.ROOT)), scheduled.sequence(), s.cancelled(),
				scheduled.updatedAt());
	}

}
