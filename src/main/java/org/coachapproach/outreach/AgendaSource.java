package org.coachapproach.outreach;

import java.util.List;

import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramId;

/**
 * SPI: a module that puts events on people's own calendars (the series' sessions, survey
 * windows, mentoring meetings) implements this as a bean. Each person's feed
 * ({@code /feeds/<token>/mine.ics}) is every source's entries for that person.
 */
public interface AgendaSource {

	/** The person's events from this source; uids must be unique across sources (prefix them). */
	List<AgendaEntry> agendaFor(PersonId person);

	/**
	 * The person's events as the feed of one program shows them. Sources of program-wide events
	 * (the series) override it; per-person sources need not.
	 */
	default List<AgendaEntry> agendaFor(ProgramId program, PersonId person) {
		return agendaFor(person);
	}

}
