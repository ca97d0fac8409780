package org.coachapproach.progress.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.coachapproach.CsvDownload;
import org.coachapproach.SpreadsheetCsv;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.people.Member;
import org.coachapproach.people.ProgramRole;
import org.coachapproach.people.RefusedException;
import org.coachapproach.progress.CourseCompletion;
import org.coachapproach.progress.CourseCompletion.MemberCompletion;
import org.coachapproach.progress.NotInACourseException;
import org.coachapproach.progress.Status;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff's completion dashboard: people × sessions, session completion rates against the
 * roster's learners, recordings watched; sortable, filterable by program role, printable and
 * exportable as CSV. For program staff and the course's instructors.
 */
@Controller
class CompletionController {

	/** Excel reads UTF-8 only with a byte order mark; other programs skip it. */
	private static final String BOM = "\uFEFF";

	private final CourseCompletion completion;

	private final MessageSource messages;

	CompletionController(CourseCompletion completion, MessageSource messages) {
		this.completion = completion;
		this.messages = messages;
	}

	@GetMapping("/course/completion")
	String dashboard(@RequestParam(name = "sort", required = false) String sort,
			@RequestParam(name = "role", required = false) String role,
			@RequestParam(name = "print", required = false) boolean print, Member member, Model model) {
		requireViewer(member);
		List<MemberCompletion> rows = rows(member, sort, role);
		List<TrainingSession> sessions = this.completion.sessions();
		model.addAttribute("sessions", sessions);
		model.addAttribute("rows", rows);
		model.addAttribute("rates", rates(sessions, rows));
		model.addAttribute("learners", rows.stream().filter(MemberCompletion::isLearner).count());
		model.addAttribute("sort", "completed".equals(sort) ? "completed" : "name");
		model.addAttribute("role", programRole(role));
		model.addAttribute("roles", List.of("MENTOR", "MENTEE", "STAFF", "NONE"));
		model.addAttribute("print", print);
		model.addAttribute("layout", print ? "progress/print" : "fragments/layout");
		return "progress/completion";
	}

	/** Not a ResponseEntity: a refusal is the error page, as for the dashboard whose link this is. */
	@GetMapping("/course/completion.csv")
	Object csv(@RequestParam(name = "sort", required = false) String sort,
			@RequestParam(name = "role", required = false) String role, Member member, Locale locale) {
		requireViewer(member);
		List<TrainingSession> sessions = this.completion.sessions();
		StringBuilder csv = new StringBuilder(BOM);
		List<String> header = new ArrayList<>(List.of(text("progress.completion.name", locale),
				text("progress.completion.courseRole", locale), text("progress.completion.programRole", locale)));
		sessions.forEach(s -> header.add(text("progress.completion.sessionColumn", locale, s.number(), s.title())));
		header.add(text("progress.completion.sessionsComplete", locale));
		header.add(text("progress.completion.recordings", locale));
		csv.append(SpreadsheetCsv.line(header));
		for (MemberCompletion row : rows(member, sort, role)) {
			List<String> cells = new ArrayList<>();
			cells.add(row.name() == null ? text("layout.anonymous", locale) : row.name());
			cells.add(row.courseRoles().stream().sorted().map(r -> text("role.course." + r, locale))
				.collect(Collectors.joining(", ")));
			cells.add(row.programRole() == null ? "" : text("role.program." + row.programRole(), locale));
			row.sessions().forEach(status -> cells.add(text("progress.status." + status, locale)));
			cells.add(Long.toString(row.sessionsComplete()));
			cells.add(Integer.toString(row.recordingsWatched()));
			csv.append(SpreadsheetCsv.line(cells));
		}
		return CsvDownload.of("completion-course-" + member.course().value() + ".csv", csv);
	}

	private List<MemberCompletion> rows(Member member, String sort, String role) {
		String filter = programRole(role);
		Comparator<MemberCompletion> byName = Comparator.comparing(
				(MemberCompletion m) -> m.name() == null ? "" : m.name().toLowerCase(Locale.ROOT))
			.thenComparing(m -> m.person().value());
		Comparator<MemberCompletion> order = "completed".equals(sort)
				? Comparator.comparingLong(MemberCompletion::sessionsComplete).reversed().thenComparing(byName) : byName;
		return this.completion.of(member.course())
			.stream()
			.filter(m -> filter == null || filter.equals(m.programRole() == null ? "NONE" : m.programRole().name()))
			.sorted(order)
			.toList();
	}

	/** Completions per session against the learners shown. */
	private static List<SessionRate> rates(List<TrainingSession> sessions, List<MemberCompletion> rows) {
		List<MemberCompletion> learners = rows.stream().filter(MemberCompletion::isLearner).toList();
		List<SessionRate> rates = new ArrayList<>();
		for (int i = 0; i < sessions.size(); i++) {
			int column = i;
			long complete = learners.stream().filter(m -> m.sessions().get(column) == Status.COMPLETE).count();
			rates.add(new SessionRate(sessions.get(i), complete, learners.size(),
					learners.isEmpty() ? 0 : Math.round(100.0 * complete / learners.size())));
		}
		return rates;
	}

	private static String programRole(String role) {
		if (role == null) {
			return null;
		}
		if (role.equals("NONE")) {
			return role;
		}
		for (ProgramRole known : ProgramRole.values()) {
			if (known.name().equals(role)) {
				return role;
			}
		}
		return null;
	}

	private static void requireViewer(Member member) {
		if (member.course() == null) {
			throw new NotInACourseException();
		}
		if (!member.isStaff() && !member.isInstructor()) {
			throw new RefusedException("progress.refused.staffOnly");
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	/** One session's completions among the learners shown. */
	public record SessionRate(TrainingSession session, long complete, long learners, long percent) {
	}

}
