package org.coachapproach.outreach.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import org.coachapproach.outreach.AgendaEntry;
import org.coachapproach.outreach.AgendaSource;
import org.coachapproach.outreach.FeedTokens;
import org.coachapproach.outreach.ICalendar;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A person's own calendar: every {@link AgendaSource}'s entries for them, behind their token. */
@RestController
class FeedController {

	private final FeedTokens tokens;

	private final List<AgendaSource> sources;

	private final Clock clock;

	FeedController(FeedTokens tokens, List<AgendaSource> sources, Clock clock) {
		this.tokens = tokens;
		this.sources = sources;
		this.clock = clock;
	}

	@GetMapping("/feeds/{token}/mine.ics")
	ResponseEntity<String> mine(@PathVariable String token) {
		return this.tokens.respond(token, (program, person) -> ICalendar.feed("Coach Approach",
				this.sources.stream()
					.flatMap(source -> source.agendaFor(program, person).stream())
					.sorted(Comparator.comparing(AgendaEntry::start))
					.toList(),
				this.clock.instant()));
	}

}
