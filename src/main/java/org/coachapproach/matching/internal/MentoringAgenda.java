package org.coachapproach.matching.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coachapproach.matching.Mentoring;
import org.coachapproach.outreach.AgendaEntry;
import org.coachapproach.outreach.AgendaSource;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The person's agreed mentoring meeting times on their own calendar feed: titled with the
 * partner's name, linked to the pair page, never with notes or topics. UIDs are the accepted
 * time's id, so a calendar keeps one event per meeting; meetings of the last
 * {@link #KEPT_PAST} stay, so calendars do not drop a meeting the moment it starts.
 */
@Component
public class MentoringAgenda implements AgendaSource {

	static final Duration KEPT_PAST = Duration.ofDays(180);

	private final Mentoring mentoring;

	private final People people;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final Clock clock;

	MentoringAgenda(Mentoring mentoring, People people, MailOutbox outbox, MessageSource messages, Clock clock) {
		this.mentoring = mentoring;
		this.people = people;
		this.outbox = outbox;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<AgendaEntry> agendaFor(PersonId person) {
		List<Mentoring.ScheduledMeeting> meetings = this.mentoring.scheduledMeetings(person,
				this.clock.instant().minus(KEPT_PAST));
		if (meetings.isEmpty()) {
			return List.of();
		}
		Set<PersonId> partners = new HashSet<>();
		meetings.forEach(m -> partners.add(partner(m, person)));
		Map<PersonId, String> names = this.people.names(partners);
		String description = this.messages.getMessage("matching.agenda.description", null, Locale.ENGLISH);
		return meetings.stream().map(m -> {
			PersonId partner = partner(m, person);
			String title = this.messages.getMessage("matching.agenda.title",
					new Object[] { names.getOrDefault(partner, "#" + partner.value()) }, Locale.ENGLISH);
			return new AgendaEntry(uid(m), title, description, m.startsAt(),
					m.startsAt().plus(Duration.ofMinutes(m.durationMinutes())), null,
					this.outbox.link("/matching/pairs/" + m.pair().value()), List.of("MENTORING"), 0, false,
					m.acceptedAt());
		}).toList();
	}

	static String uid(Mentoring.ScheduledMeeting meeting) {
		return org.coachapproach.matching.Meetings.meetingUid(meeting.id());
	}

	private static PersonId partner(Mentoring.ScheduledMeeting meeting, PersonId person) {
		return meeting.mentor().equals(person) ? meeting.mentee() : meeting.mentor();
	}

}
