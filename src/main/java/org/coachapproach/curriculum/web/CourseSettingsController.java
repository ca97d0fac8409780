package org.coachapproach.curriculum.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.curriculum.CoursePlan;
import org.coachapproach.curriculum.CourseSettings;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.InvalidPlanException;
import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.SettingsChange;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The instructor's course settings: visibility, required items, release and due dates, the
 * mentor meeting prompt date; and the audit log of their changes.
 */
@Controller
class CourseSettingsController {

	private static final int HISTORY_LIMIT = 500;

	private final CourseSettings settings;

	private final Curriculum curriculum;

	CourseSettingsController(CourseSettings settings, Curriculum curriculum) {
		this.settings = settings;
		this.curriculum = curriculum;
	}

	@GetMapping("/course/settings")
	String show(@RequestParam(name = "saved", required = false) String saved, Member member, Model model) {
		requireConfigurer(member);
		CoursePlan plan = this.settings.of(member.course());
		model.addAttribute("saved", saved != null);
		return page(SettingsForm.of(this.curriculum, plan), List.of(), model);
	}

	/** Saves the form; a successful save redirects with {@code ?saved} (no server-side flash: there is no HTTP session). */
	@PostMapping("/course/settings")
	String save(@RequestParam MultiValueMap<String, String> posted, Member member, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		requireConfigurer(member);
		CoursePlan plan = this.settings.of(member.course());
		try {
			this.settings.change(member, SettingsForm.change(posted, plan.meetMenteesFrom()));
		}
		catch (InvalidPlanException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("saved", false);
			return page(SettingsForm.of(this.curriculum, plan).with(posted), ex.problems(), model);
		}
		return "redirect:/course/settings?saved";
	}

	@GetMapping("/course/settings/history")
	String history(Member member, Model model) {
		requireConfigurer(member);
		Map<String, String> titles = titles();
		List<HistoryRow> changes = this.settings.history(member.course(), HISTORY_LIMIT)
			.stream()
			.map(change -> HistoryRow.of(change, titles))
			.toList();
		model.addAttribute("changes", changes);
		return "curriculum/history";
	}

	private String page(SettingsForm form, List<InvalidPlanException.Problem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("titles", titles());
		model.addAttribute("meetMenteesAfter", this.curriculum.program().meetMenteesAfterSession());
		return "curriculum/settings";
	}

	/** Item titles by {@code KIND:id}, the way problems and the audit log name items. */
	private Map<String, String> titles() {
		Map<String, String> titles = new LinkedHashMap<>();
		this.curriculum.sessions().forEach(s -> titles.put(key(ItemRef.session(s.id())), s.number() + ". " + s.title()));
		this.curriculum.exercises().forEach(e -> titles.put(key(ItemRef.exercise(e.id())), e.title()));
		this.curriculum.series().forEach(r -> titles.put("RECORDING:" + r.id(), r.title()));
		return titles;
	}

	/** One line of the audit log, as shown. */
	public record HistoryRow(String when, String who, String item, String field, String oldValue, String newValue) {

		private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
			.withZone(ZoneOffset.UTC);

		static HistoryRow of(SettingsChange change, Map<String, String> titles) {
			String item = change.item() == null ? null : titles.getOrDefault(key(change.item()), change.item().id());
			return new HistoryRow(WHEN.format(change.changedAt()), change.whoName(), item, change.field(),
					change.oldValue(), change.newValue());
		}

	}

	static String key(ItemRef item) {
		return item.kind() + ":" + item.id();
	}

	private static void requireConfigurer(Member member) {
		if (!CourseSettings.mayConfigure(member)) {
			throw new RefusedException("curriculum.refused.notInstructor");
		}
	}

}
