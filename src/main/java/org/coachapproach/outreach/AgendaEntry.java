package org.coachapproach.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One event in a calendar feed (an iCalendar VEVENT).
 *
 * @param uid stable for the life of the event, e.g. {@code cfds-2026-09-08@series}: calendars
 * match updates and cancellations by it
 * @param sequence raised by one on every change that attendees should see (RFC 5545 SEQUENCE)
 * @param cancelled shown as STATUS:CANCELLED, so subscribed calendars strike it out
 * @param location where to go, e.g. the meeting link, or {@code null}
 * @param url a page about the event, or {@code null}
 * @param lastModified when it last changed
 * @param allDay whole days (DTSTART/DTEND as VALUE=DATE, free time): then {@code start} is
 * midnight UTC of the first day and {@code end} midnight UTC after the last, see
 * {@link #allDay(String, String, String, LocalDate, LocalDate, String, List, Instant)}
 */
public record AgendaEntry(String uid, String title, String description, Instant start, Instant end, String location,
		String url, List<String> categories, int sequence, boolean cancelled, Instant lastModified, boolean allDay) {

	/** An event at a time. */
	public AgendaEntry(String uid, String title, String description, Instant start, Instant end, String location,
			String url, List<String> categories, int sequence, boolean cancelled, Instant lastModified) {
		this(uid, title, description, start, end, location, url, categories, sequence, cancelled, lastModified, false);
	}

	/** Whole days, {@code first} to {@code last} inclusive. */
	public static AgendaEntry allDay(String uid, String title, String description, LocalDate first, LocalDate last,
			String url, List<String> categories, Instant lastModified) {
		return new AgendaEntry(uid, title, description, first.atStartOfDay(ZoneOffset.UTC).toInstant(),
				last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), null, url, categories, 0, false, lastModified,
				true);
	}

	public AgendaEntry {
		if (uid == null || uid.isBlank() || title == null || start == null || end == null || end.isBefore(start)) {
			throw new IllegalArgumentException("an agenda entry needs a uid, a title and a start before its end");
		}
		categories = categories == null ? List.of() : List.copyOf(categories);
	}

}
