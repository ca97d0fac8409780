package org.coachapproach.outreach;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 5545 details: CRLF, UTC times, folding at 75 octets without splitting a character, TEXT escaping. */
class ICalendarTests {

	private static final Instant NOW = Instant.parse("2026-11-28T21:00:00Z");

	@Test
	void shouldWriteAnEventWithCrlfLinesAndUtcTimes() {
		String ics = ICalendar.feed("Meetings", List.of(event("Mentoring meeting")), NOW);

		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n")
			.contains("\r\nUID:meeting-1@mentoring.coachapproach\r\n")
			.contains("\r\nDTSTAMP:20261128T210000Z\r\n")
			.contains("\r\nDTSTART:20261201T170000Z\r\nDTEND:20261201T180000Z\r\n");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void shouldEscapeText() {
		assertThat(ICalendar.text("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
	}

	@Test
	void shouldFoldLongLinesAtSeventyFiveOctetsWithoutSplittingACharacter() {
		String title = "Réunion de mentorat avec Zoë Ødegård et José Núñez — ".repeat(4);
		String ics = ICalendar.feed("Meetings", List.of(event(title)), NOW);

		String[] lines = ics.split("\r\n");
		for (int k = 0; k < lines.length; k++) {
			assertThat(lines[k].getBytes(StandardCharsets.UTF_8).length).as("line %d", k).isLessThanOrEqualTo(75);
		}
		// Unfolding (remove CRLF + one space) gives the line back, every character whole.
		assertThat(ics.replace("\r\n ", "")).contains("\r\nSUMMARY:" + title + "\r\n");
	}

	private static AgendaEntry event(String title) {
		return new AgendaEntry("meeting-1@mentoring.coachapproach", title, null, Instant.parse("2026-12-01T17:00:00Z"),
				Instant.parse("2026-12-01T18:00:00Z"), null, null, List.of(), 0, false, null);
	}

}
