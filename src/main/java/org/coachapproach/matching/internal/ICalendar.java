package org.coachapproach.matching.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An iCalendar (RFC 5545) file with one event: CRLF line ends, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped, times in UTC.
 */
public final class ICalendar {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final int MAX_OCTETS = 75;

	private ICalendar() {
	}

	/** One event; {@code uid} must be globally unique and stable for the same event. */
	public static String event(String uid, Instant stamp, Instant start, Instant end, String summary, String description) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Coach Approach//Mentoring meetings//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "BEGIN:VEVENT");
		line(out, "UID:" + escape(uid));
		line(out, "DTSTAMP:" + UTC.format(stamp));
		line(out, "DTSTART:" + UTC.format(start));
		line(out, "DTEND:" + UTC.format(end));
		line(out, "SUMMARY:" + escape(summary));
		if (description != null && !description.isBlank()) {
			line(out, "DESCRIPTION:" + escape(description));
		}
		line(out, "END:VEVENT");
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
	static String escape(String text) {
		return text.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	/** Appends a content line, folded (§3.1): at most 75 octets a line, continuation lines start with a space. */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = MAX_OCTETS;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 0;
				limit = MAX_OCTETS - 1; // the leading space counts
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

}
