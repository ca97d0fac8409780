package org.coachapproach.outreach;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Writes an iCalendar (RFC 5545) subscription feed: CRLF line ends, lines folded at 75 octets
 * (never inside a UTF-8 character), text escaped, times in UTC (so no VTIMEZONE is needed and
 * every client agrees on the instant) or whole dates for all-day entries, METHOD:PUBLISH.
 */
public final class ICalendar {

	public static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

	private final StringBuilder out = new StringBuilder();

	private ICalendar() {
	}

	/** A whole feed named {@code name}, stamped {@code now}. */
	public static String feed(String name, Collection<AgendaEntry> entries, Instant now) {
		ICalendar ics = new ICalendar();
		ics.line("BEGIN:VCALENDAR");
		ics.line("VERSION:2.0");
		ics.line("PRODID:-//Coach Approach//Calendar feed//EN");
		ics.line("CALSCALE:GREGORIAN");
		ics.line("METHOD:PUBLISH");
		ics.line("X-WR-CALNAME:" + text(name));
		ics.line("REFRESH-INTERVAL;VALUE=DURATION:PT4H");
		ics.line("X-PUBLISHED-TTL:PT4H");
		for (AgendaEntry e : entries) {
			ics.line("BEGIN:VEVENT");
			ics.line("UID:" + text(e.uid()));
			ics.line("DTSTAMP:" + UTC.format(now));
			if (e.allDay()) {
				ics.line("DTSTART;VALUE=DATE:" + DATE.format(e.start()));
				ics.line("DTEND;VALUE=DATE:" + DATE.format(e.end()));
			}
			else {
				ics.line("DTSTART:" + UTC.format(e.start()));
				ics.line("DTEND:" + UTC.format(e.end()));
			}
			ics.line("SEQUENCE:" + e.sequence());
			ics.line("STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
			ics.line("SUMMARY:" + text(e.title()));
			if (e.description() != null) {
				ics.line("DESCRIPTION:" + text(e.description()));
			}
			if (e.location() != null) {
				ics.line("LOCATION:" + text(e.location()));
			}
			if (e.url() != null) {
				ics.line("URL:" + e.url());
			}
			if (!e.categories().isEmpty()) {
				ics.line("CATEGORIES:" + e.categories().stream().map(ICalendar::text).collect(Collectors.joining(",")));
			}
			if (e.lastModified() != null) {
				ics.line("LAST-MODIFIED:" + UTC.format(e.lastModified()));
			}
			ics.line("TRANSP:" + (e.cancelled() || e.allDay() ? "TRANSPARENT" : "OPAQUE"));
			ics.line("END:VEVENT");
		}
		ics.line("END:VCALENDAR");
		return ics.out.toString();
	}

	/** TEXT value escaping (RFC 5545 3.3.11). */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	/** Folds at 75 octets: a continuation line starts with one space (RFC 5545 3.1). */
	private void line(String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				this.out.append("\r\n ");
				octets = 1;
			}
			this.out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		this.out.append("\r\n");
	}

}
