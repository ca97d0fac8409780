package org.coachapproach.series.web;

import java.time.Clock;

import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.outreach.FeedTokens;
import org.coachapproach.outreach.ICalendar;
import org.coachapproach.series.SeriesAgenda;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** iCalendar subscriptions to the whole series and to one category, behind the person's feed token. */
@RestController
class SeriesFeedController {

	private final FeedTokens tokens;

	private final SeriesAgenda agenda;

	private final Clock clock;

	SeriesFeedController(FeedTokens tokens, SeriesAgenda agenda, Clock clock) {
		this.tokens = tokens;
		this.agenda = agenda;
		this.clock = clock;
	}

	@GetMapping("/feeds/{token}/series.ics")
	ResponseEntity<String> series(@PathVariable String token) {
		return this.tokens.respond(token,
				(program, person) -> ICalendar.feed("CFDS", this.agenda.entries(program, null), this.clock.instant()));
	}

	@GetMapping("/feeds/{token}/series/{category}.ics")
	ResponseEntity<String> category(@PathVariable String token, @PathVariable String category) {
		SeriesCategory chosen = SeriesCategory.fromLabel(category)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no series category " + category));
		return this.tokens.respond(token, (program, person) -> ICalendar.feed("CFDS: " + chosen.label(),
				this.agenda.entries(program, chosen), this.clock.instant()));
	}

}
