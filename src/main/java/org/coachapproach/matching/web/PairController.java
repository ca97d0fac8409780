package org.coachapproach.matching.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.matching.MatchingRefusedException;
import org.coachapproach.matching.Meetings;
import org.coachapproach.matching.Mentoring;
import org.coachapproach.matching.PairId;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A pair's page, for its two people only: meetings logged, the log form, proposed times and invitations. */
@Controller
class PairController {

	private final Mentoring mentoring;

	private final Meetings meetings;

	private final Curriculum curriculum;

	PairController(Mentoring mentoring, Meetings meetings, Curriculum curriculum) {
		this.mentoring = mentoring;
		this.meetings = meetings;
		this.curriculum = curriculum;
	}

	/**
	 * The meeting log a course can place as one link: the member's pair page when they have one
	 * pair, else their pairs (a mentor may have several) or where to start.
	 */
	@GetMapping("/matching/meetings")
	String meetings(Member member, Model model) {
		List<Mentoring.MyPair> pairs = this.mentoring.pairsOf(member);
		if (pairs.size() == 1) {
			return "redirect:/matching/pairs/" + pairs.get(0).id().value();
		}
		model.addAttribute("mentoring", this.mentoring.home(member));
		return "matching/meetings";
	}

	@GetMapping("/matching/pairs/{id}")
	String show(@PathVariable long id, @RequestParam(name = "done", required = false) String done, Member member,
			Model model) {
		Mentoring.MyPair pair = yours(member, id);
		this.mentoring.markSeen(member, pair.id());
		model.addAttribute("done", done);
		return page(member, pair, null, new MultiValueMapForm(null), model);
	}

	@PostMapping("/matching/pairs/{id}/meetings")
	String log(@PathVariable long id, @RequestParam MultiValueMap<String, String> posted, Member member,
			HttpServletResponse response, Model model) {
		return act(id, member, response, model, posted, "logged", pair -> {
			LocalDate metOn = date(posted.getFirst("metOn"));
			this.meetings.log(member, pair, new Meetings.NewMeeting(metOn, number(posted.getFirst("duration")),
					posted.getFirst("format"), posted.getFirst("topics"), posted.getOrDefault("behaviours", List.of()),
					posted.getFirst("note")));
		});
	}

	@PostMapping("/matching/pairs/{id}/times")
	String propose(@PathVariable long id, @RequestParam MultiValueMap<String, String> posted, Member member,
			HttpServletResponse response, Model model) {
		return act(id, member, response, model, posted, "proposed", pair -> {
			List<LocalDateTime> times = new ArrayList<>();
			for (String value : posted.getOrDefault("time", List.of())) {
				if (value != null && !value.isBlank()) {
					try {
						times.add(LocalDateTime.parse(value.strip()));
					}
					catch (DateTimeParseException ex) {
						throw new MatchingRefusedException("time.format", value);
					}
				}
			}
			this.meetings.propose(member, pair, times, number(posted.getFirst("duration")));
		});
	}

	@PostMapping("/matching/pairs/{id}/times/{time}/accept")
	String accept(@PathVariable long id, @PathVariable long time, Member member, HttpServletResponse response,
			Model model) {
		return act(id, member, response, model, null, "accepted", pair -> this.meetings.accept(member, pair, time));
	}

	@GetMapping("/matching/pairs/{id}/times/{time}/invitation.ics")
	ResponseEntity<byte[]> invitation(@PathVariable long id, @PathVariable long time, Member member,
			HttpServletRequest request) {
		try {
			String ics = this.meetings.invitation(member, new PairId(id), time);
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("mentoring-meeting.ics").build().toString())
				.body(ics.getBytes(StandardCharsets.UTF_8));
		}
		catch (MatchingRefusedException ex) {
			return ResponseEntity.status(ex.code().equals("notYourPair") ? 403 : 404).build();
		}
	}

	private String act(long id, Member member, HttpServletResponse response, Model model,
			MultiValueMap<String, String> posted, String done, java.util.function.Consumer<PairId> action) {
		Mentoring.MyPair pair = yours(member, id);
		try {
			action.accept(pair.id());
		}
		catch (MatchingRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(member, pair, ex, new MultiValueMapForm(posted), model);
		}
		return "redirect:/matching/pairs/" + id + "?done=" + done;
	}

	/** One of the member's own pairs: nobody else's, staff's neither (the notes are private). */
	private Mentoring.MyPair yours(Member member, long id) {
		return this.mentoring.pair(member, new PairId(id))
			.orElseThrow(() -> new RefusedException("matching.refused.notYourPair"));
	}

	private String page(Member member, Mentoring.MyPair pair, MatchingRefusedException problem, MultiValueMapForm form,
			Model model) {
		model.addAttribute("pair", pair);
		model.addAttribute("problem", problem);
		model.addAttribute("form", form);
		model.addAttribute("meetings", this.meetings.of(member, pair.id()));
		model.addAttribute("times", this.meetings.times(member, pair.id()));
		model.addAttribute("zone", this.meetings.zone());
		model.addAttribute("competencies", this.curriculum.competencies());
		model.addAttribute("competencyTitles", this.curriculum.competencies().stream()
			.collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c.title())));
		model.addAttribute("today", LocalDate.now(this.meetings.zone()));
		return "matching/pair";
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new MatchingRefusedException("meeting.dateFormat", value);
		}
	}

	private static Integer number(String value) {
		if (value == null || !value.strip().matches("\\d{1,4}")) {
			return null;
		}
		return Integer.valueOf(value.strip());
	}

	/** What was posted, to show the form again after a refusal. */
	public record MultiValueMapForm(MultiValueMap<String, String> posted) {

		public String value(String field) {
			return this.posted == null ? null : this.posted.getFirst(field);
		}

		public boolean has(String field, String value) {
			return this.posted != null && this.posted.getOrDefault(field, List.of()).contains(value);
		}

	}

}
