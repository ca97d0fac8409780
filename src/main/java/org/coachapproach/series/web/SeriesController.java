package org.coachapproach.series.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.people.Member;
import org.coachapproach.people.ProgramId;
import org.coachapproach.series.ArchiveSearch;
import org.coachapproach.series.ScheduledSession;
import org.coachapproach.series.SeriesSchedule;
import org.coachapproach.series.WatchProgress;
import org.coachapproach.series.WatchState;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/** The CFDS archive: search the recordings, watch one, and keep track of what was seen. */
@Controller
class SeriesController {

	static final int PAGE_SIZE = 20;

	private static final int MAX_QUERY = 200;

	private final SeriesSchedule schedule;

	private final ArchiveSearch search;

	private final WatchProgress progress;

	SeriesController(SeriesSchedule schedule, ArchiveSearch search, WatchProgress progress) {
		this.schedule = schedule;
		this.search = search;
		this.progress = progress;
	}

	/** A row of the archive, with the viewer's own state. */
	record Row(SeriesSession session, String date, WatchState state) {
	}

	@GetMapping("/series")
	String archive(Member member,
			@RequestParam(name = "q", required = false) String text,
			@RequestParam(name = "category", required = false) String categoryLabel,
			@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(name = "page", defaultValue = "1") int page, Locale locale, Model model) {
		String query = text == null ? null : text.strip();
		if (query != null && query.length() > MAX_QUERY) {
			query = query.substring(0, MAX_QUERY);
		}
		SeriesCategory category = categoryLabel == null ? null : SeriesCategory.fromLabel(categoryLabel).orElse(null);
		List<SeriesSession> found = this.search.find(member.program(),
				new ArchiveSearch.Query(query, category, from, to));
		int pages = Math.max(1, (found.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		Map<String, WatchState> states = this.progress.all(member.person());
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		List<Row> rows = found.stream()
			.skip((long) (current - 1) * PAGE_SIZE)
			.limit(PAGE_SIZE)
			.map(s -> new Row(s, dates.format(s.date()), states.getOrDefault(s.id(), WatchState.NOT_STARTED)))
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("total", found.size());
		model.addAttribute("q", query);
		model.addAttribute("category", category == null ? null : category.label());
		model.addAttribute("categories", SeriesCategory.values());
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("previousPage", current > 1 ? pageUrl(query, category, from, to, current - 1) : null);
		model.addAttribute("nextPage", current < pages ? pageUrl(query, category, from, to, current + 1) : null);
		return "series/archive";
	}

	@GetMapping("/series/{id}")
	String recording(Member member, @PathVariable String id, Locale locale, Model model) {
		SeriesSession recording = find(member.program(), id);
		model.addAttribute("recording", recording);
		model.addAttribute("date", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
			.format(recording.date()));
		WatchState state = this.progress.find(member.person(), recording.id());
		model.addAttribute("state", state);
		model.addAttribute("resumeAt", clock(state.position()));
		return "series/recording";
	}

	/** Progress from the page's own player script, as a form. */
	@PostMapping(path = "/series/{id}/progress", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> progressForm(Member member, @PathVariable String id,
			@RequestParam(name = "position", required = false) Double position,
			@RequestParam(name = "duration", required = false) Double duration, HttpServletRequest request) {
		return progress(member, id, position, duration, request);
	}

	/** Progress as JSON: {@code {"position": 120.5, "duration": 3600}}. */
	@PostMapping(path = "/series/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> progressJson(Member member, @PathVariable String id,
			@RequestBody ProgressReport report, HttpServletRequest request) {
		return progress(member, id, report.position(), report.duration(), request);
	}

	record ProgressReport(Double position, Double duration) {
	}

	private ResponseEntity<Map<String, Object>> progress(Member member, String id, Double position, Double duration,
			HttpServletRequest request) {
		SeriesSession recording = findRecorded(member.program(), id);
		if (position == null || duration == null || !WatchProgress.isValid(position, duration)) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "position and duration must be seconds with 0 <= position <= duration <= "
						+ WatchProgress.MAX_SECONDS));
		}
		WatchState state = this.progress.report(member, recording, position, duration);
		return ResponseEntity.ok(Map.of("position", state.position(), "duration", state.duration(), "watched",
				state.watched()));
	}

	@PostMapping("/series/{id}/watched")
	String markWatched(Member member, @PathVariable String id, HttpServletRequest request) {
		this.progress.markWatched(member, findRecorded(member.program(), id));
		return "redirect:/series/" + id;
	}

	private SeriesSession find(ProgramId program, String id) {
		return this.schedule.find(program, id)
			.map(ScheduledSession::session)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no series session " + id));
	}

	private SeriesSession findRecorded(ProgramId program, String id) {
		SeriesSession session = find(program, id);
		if (!session.recorded()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "series session " + id + " was not recorded");
		}
		return session;
	}

	private static String pageUrl(String query, SeriesCategory category, LocalDate from, LocalDate to, int page) {
		return UriComponentsBuilder.fromPath("/series")
			.queryParamIfPresent("q", java.util.Optional.ofNullable(query).filter(q -> !q.isEmpty()))
			.queryParamIfPresent("category", java.util.Optional.ofNullable(category).map(SeriesCategory::label))
			.queryParamIfPresent("from", java.util.Optional.ofNullable(from))
			.queryParamIfPresent("to", java.util.Optional.ofNullable(to))
			.queryParam("page", page)
			.encode()
			.build()
			.toUriString();
	}

	private static String clock(int seconds) {
		return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
				: String.format("%d:%02d", seconds / 60, seconds % 60);
	}

}
