package org.coachapproach.outreach.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.LineProblem;
import org.coachapproach.outreach.FacultyList;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.Message;
import org.coachapproach.outreach.Recipient;
import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.outreach.ReminderSample;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The program staff's email page: whether email is on, the program's outbox and its failures,
 * a switch per kind, a preview of each message, and the faculty list import. Program-wide, so
 * for program staff only (a course role is not enough).
 */
@Controller
class OutreachController {

	private static final int FAILURES_SHOWN = 50;

	/** The largest CSV accepted: plenty for 20,000 faculty. */
	private static final long MAX_CSV_BYTES = 5L * 1024 * 1024;

	private final MailOutbox outbox;

	private final FacultyList faculty;

	private final List<ReminderSample> samples;

	OutreachController(MailOutbox outbox, FacultyList faculty, List<ReminderSample> samples) {
		this.outbox = outbox;
		this.faculty = faculty;
		this.samples = samples;
	}

	/** A kind of email as staff see it. */
	record KindRow(ReminderKind kind, boolean enabled, boolean previewable) {
	}

	@GetMapping("/outreach")
	String show(Member member, @RequestParam(name = "saved", required = false) String saved, Model model) {
		requireProgramStaff(member);
		model.addAttribute("saved", saved != null);
		return page(member, null, model);
	}

	@PostMapping("/outreach/switches")
	String switches(Member member, @RequestParam(name = "enabled", required = false) List<String> enabled) {
		requireProgramStaff(member);
		List<String> on = enabled == null ? List.of() : enabled;
		for (ReminderKind kind : ReminderKind.values()) {
			this.outbox.switchKind(member.program(), kind, on.contains(kind.label()), member.person());
		}
		return "redirect:/outreach?saved";
	}

	@PostMapping("/outreach/faculty")
	String importFaculty(Member member, @RequestParam(name = "file", required = false) MultipartFile file,
			HttpServletResponse response, Model model) throws IOException {
		requireProgramStaff(member);
		FacultyList.ImportResult result;
		if (file == null || file.isEmpty()) {
			result = new FacultyList.ImportResult(0, List.of(LineProblem.of(0, "noFile")));
		}
		else if (file.getSize() > MAX_CSV_BYTES) {
			result = new FacultyList.ImportResult(0,
					List.of(LineProblem.of(0, "tooLarge")));
		}
		else {
			try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
				result = this.faculty.importCsv(member.program(), reader);
			}
		}
		if (!result.succeeded()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		model.addAttribute("saved", false);
		return page(member, result, model);
	}

	@GetMapping("/outreach/preview/{kind}")
	String preview(Member member, @PathVariable String kind, Locale locale, Model model) {
		requireProgramStaff(member);
		ReminderSample sample = ReminderKind.fromLabel(kind)
			.flatMap(k -> this.samples.stream().filter(s -> s.kind() == k).findFirst())
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND, "no preview for " + kind));
		Recipient example = new Recipient("faculty.member@example.edu", "Alex Example", null);
		Message message = this.outbox.preview(sample.template(), sample.model(member.program(), locale), locale, example, sample.kind());
		model.addAttribute("kind", sample.kind());
		model.addAttribute("message", message);
		return "outreach/preview";
	}

	private String page(Member member, FacultyList.ImportResult result, Model model) {
		List<KindRow> kinds = new ArrayList<>();
		for (ReminderKind kind : ReminderKind.values()) {
			kinds.add(new KindRow(kind, this.outbox.enabled(member.program(), kind), this.samples.stream().anyMatch(s -> s.kind() == kind)));
		}
		model.addAttribute("summary", this.outbox.summary(member.program()));
		model.addAttribute("failures", this.outbox.failures(member.program(), FAILURES_SHOWN));
		model.addAttribute("kinds", kinds);
		model.addAttribute("facultyCount", this.faculty.size(member.program()));
		model.addAttribute("result", result);
		return "outreach/staff";
	}

	private static void requireProgramStaff(Member member) {
		if (!member.isProgramStaff()) {
			throw new RefusedException("outreach.refused.notStaff");
		}
	}

}
