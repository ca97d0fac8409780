package org.coachapproach.matching.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5545 details: CRLF, folding at 75 octets without splitting a character, TEXT escaping. */
class ICalendarTests {

	@Test
	void shouldWriteOneEventWithCrlfLinesAndUtcTimes() {
		String ics = ICalendar.event("meeting-1-pair-2@tool.example", Instant.parse("2026-11-28T21:00:00Z"),
				Instant.parse("2026-12-01T17:00:00Z"), Instant.parse("2026-12-01T18:00:00Z"), "Mentoring meeting", null);

		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n")
			.contains("\r\nUID:meeting-1-pair-2@tool.example\r\n")
			.contains("\r\nDTSTAMP:20261128T210000Z\r\n")
			.contains("\r\nDTSTART:20261201T170000Z\r\nDTEND:20261201T180000Z\r\n")
			.doesNotContain("DESCRIPTION");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void shouldEscapeText() {
		assertThat(ICalendar.escape("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
	}

	@Test
	void shouldFoldLongLinesAtSeventyFiveOctetsWithoutSplittingACharacter() {
		StringBuilder out = new StringBuilder();
		String summary = "SUMMARY:" + "Réunion de mentorat avec Zoë Ødegård et José Núñez — ".repeat(4);
		ICalendar.line(out, summary);

		String[] lines = out.toString().split("\r\n");
		assertThat(lines.length).isGreaterThan(3);
		for (int k = 0; k < lines.length; k++) {
			assertThat(lines[k].getBytes(StandardCharsets.UTF_8).length).as("line %d", k).isLessThanOrEqualTo(75);
			if (k > 0) {
				assertThat(lines[k]).startsWith(" ");
			}
		}
		// Unfolding (remove CRLF + one space) gives the line back, every character whole.
		assertThat(out.toString().replace("\r\n ", "")).isEqualTo(summary + "\r\n");
	}

}
