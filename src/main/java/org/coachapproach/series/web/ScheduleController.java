package org.coachapproach.series.web;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.ProgramClock;
import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.outreach.FeedTokens;
import org.coachapproach.people.AccessSession;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;
import org.coachapproach.series.ScheduleRefusedException;
import org.coachapproach.series.ScheduledSession;
import org.coachapproach.series.SeriesSchedule;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The CFDS schedule: upcoming sessions with "Join" for everyone, calendar subscriptions, and
 * for the program's staff: scheduling, changing and cancelling sessions, and attaching recordings
 * afterwards. Everything here is the signed-in program's schedule.
 */
@Controller
class ScheduleController {

	/** Recently held sessions are offered to staff for attaching a recording. */
	private static final Duration RECENT = Duration.ofDays(90);

	private final SeriesSchedule schedule;

	private final FeedTokens feeds;

	private final SeriesAttendance attendance;

	private final Clock clock;

	private final ProgramClock programClock;

	ScheduleController(SeriesSchedule schedule, FeedTokens feeds, SeriesAttendance attendance, Clock clock,
			ProgramClock programClock) {
		this.schedule = schedule;
		this.feeds = feeds;
		this.attendance = attendance;
		this.clock = clock;
		this.programClock = programClock;
	}

	/** A session as listed. */
	record Row(SeriesSession session, int sequence, String when) {
	}

	@GetMapping("/series/schedule")
	String show(Member member, @RequestAttribute(AccessSessions.REQUEST_ATTRIBUTE) AccessSession session,
			@RequestParam(name = "saved", required = false) String saved, Locale locale, Model model) {
		ZoneId zone = this.programClock.zoneFor(session.context());
		model.addAttribute("saved", saved != null);
		model.addAttribute("upcoming", this.schedule.upcoming(member.program())
			.stream()
			.map(s -> new Row(s.session(), s.sequence(), when(s.session(), locale, zone)))
			.toList());
		if (member.isProgramStaff()) {
			var since = this.clock.instant().minus(RECENT);
			model.addAttribute("recent", this.schedule.all(member.program())
				.stream()
				.filter(s -> !s.session().cancelled() && s.session().recordingUrl() == null)
				.filter(s -> s.session().endsAt().toInstant().isBefore(this.clock.instant())
						&& s.session().startsAt().toInstant().isAfter(since))
				.map(s -> new Row(s.session(), s.sequence(), when(s.session(), locale, zone)))
				.toList());
		}
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/feeds/"
				+ this.feeds.tokenFor(member.program(), member.person());
		model.addAttribute("seriesFeed", base + "/series.ics");
		model.addAttribute("feedBase", base + "/series/");
		model.addAttribute("categories", SeriesCategory.values());
		model.addAttribute("captions", SeriesSession.Captions.values());
		return "series/schedule";
	}

	@GetMapping("/series/schedule/new")
	String newForm(Member member, Model model) {
		requireProgramStaff(member);
		return form(null, ScheduleForm.blank(), List.of(), model);
	}

	@PostMapping("/series/schedule")
	String create(Member member, @ModelAttribute ScheduleForm posted, HttpServletResponse response, Model model) {
		requireProgramStaff(member);
		try {
			this.schedule.schedule(member.program(), posted.toDraft(), member.person());
		}
		catch (ScheduleRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(null, posted, ex.problems(), model);
		}
		return "redirect:/series/schedule?saved";
	}

	@GetMapping("/series/schedule/{id}/edit")
	String editForm(Member member, @PathVariable String id, Model model) {
		requireProgramStaff(member);
		ScheduledSession current = this.schedule.find(member.program(), id)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
		return form(id, ScheduleForm.of(current.session()), List.of(), model);
	}

	@PostMapping("/series/schedule/{id}")
	String change(Member member, @PathVariable String id, @ModelAttribute ScheduleForm posted,
			HttpServletResponse response, Model model) {
		requireProgramStaff(member);
		try {
			this.schedule.change(member.program(), id, posted.toDraft(), member.person());
		}
		catch (ScheduleRefusedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(id, posted, ex.problems(), model);
		}
		return "redirect:/series/schedule?saved";
	}

	@PostMapping("/series/schedule/{id}/cancel")
	String cancel(Member member, @PathVariable String id, HttpServletResponse response, Model model) {
		requireProgramStaff(member);
		try {
			this.schedule.cancel(member.program(), id, member.person());
		}
		catch (ScheduleRefusedException ex) {
			return problems(ex, response, model);
		}
		return "redirect:/series/schedule?saved";
	}

	@PostMapping("/series/schedule/{id}/recording")
	String recording(Member member, @PathVariable String id,
			@RequestParam(name = "recordingUrl", required = false) String recordingUrl,
			@RequestParam(name = "captions", required = false) String captions,
			@RequestParam(name = "captionsUrl", required = false) String captionsUrl, HttpServletResponse response,
			Model model) {
		requireProgramStaff(member);
		SeriesSession.Captions status = java.util.stream.Stream.of(SeriesSession.Captions.values())
			.filter(c -> c.label().equals(captions))
			.findFirst()
			.orElse(null);
		try {
			this.schedule.publishRecording(member.program(), id, recordingUrl, status, captionsUrl, member.person());
		}
		catch (ScheduleRefusedException ex) {
			return problems(ex, response, model);
		}
		return "redirect:/series/" + id;
	}

	/** "Join": records attendance, then forwards to the meeting (303 See Other). */
	@PostMapping("/series/{id}/join")
	ResponseEntity<Void> join(Member member, @PathVariable String id) {
		ScheduledSession current = this.schedule.find(member.program(), id)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND));
		SeriesSession s = current.session();
		if (s.joinUrl() == null || s.cancelled()) {
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND,
					"series session " + id + " has no meeting to join");
		}
		this.attendance.joined(member.program(), member.person(), s);
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(java.net.URI.create(s.joinUrl())).build();
	}

	private static String form(String id, ScheduleForm form, List<ScheduleRefusedException.Problem> problems,
			Model model) {
		model.addAttribute("id", id);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("categories", SeriesCategory.values());
		return "series/schedule-form";
	}

	/** What stood in the way of cancelling a session or attaching its recording; nothing was changed. */
	private static String problems(ScheduleRefusedException ex, HttpServletResponse response, Model model) {
		response.setStatus(ex.problems().contains(ScheduleRefusedException.Problem.of("unknown"))
				? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("problems", ex.problems());
		return "series/schedule-problems";
	}

	private static void requireProgramStaff(Member member) {
		if (!member.isProgramStaff()) {
			throw new RefusedException("series.schedule.problem.notStaff");
		}
	}

	/** When the session starts, in the reader's zone ({@link ProgramClock#zoneFor}), named. */
	static String when(SeriesSession s, Locale locale, ZoneId zone) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
			.withLocale(locale)
			.format(s.startsAt().withZoneSameInstant(zone)) + " (" + zone.getId() + ")";
	}

}
