package org.coachapproach.outreach;

import java.time.Instant;
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
 */
public record AgendaEntry(String uid, String title, String description, Instant start, Instant end, String location,
		String url, List<String> categories, int sequence, boolean cancelled, Instant lastModified) {

	public AgendaEntry {
		if (uid == null || uid.isBlank() || title == null || start == null || end == null || end.isBefore(start)) {
			throw new IllegalArgumentException("an agenda entry needs a uid, a title and a start before its end");
		}
		categories = categories == null ? List.of() : List.copyOf(categories);
	}

}
