package org.coachapproach.curriculum;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.coachapproach.curriculum.internal.Problems;
import org.coachapproach.curriculum.internal.YamlFields;

/**
 * The matching intake, from {@code curriculum/intake/}: the criteria people are matched on,
 * each with its options and default weight ({@code matching.yml}), and how the mentor and the
 * mentee forms ask about them ({@code mentor.yml}, {@code mentee.yml}). Loaded and checked as a
 * whole, every problem named with file and line, like the rest of the curriculum.
 */
public final class IntakeForms {

	/** The criteria every form asks about, in order. */
	public static final List<String> CRITERIA = List.of("division", "specialty", "gender-identity", "race-ethnicity",
			"professional-interests", "non-professional-interests");

	/** Options per criterion: answers are kept as bit sets of 64. */
	public static final int MAX_OPTIONS = 64;

	/** The most mentees a mentor can take. */
	public static final int MAX_CAPACITY = 3;

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final long MAX_FILE_BYTES = 200_000;

	private final Map<String, Criterion> criteria;

	private final Form mentor;

	private final Form mentee;

	private final int meetingReminderDays;

	private IntakeForms(List<Criterion> criteria, Form mentor, Form mentee, int meetingReminderDays) {
		Map<String, Criterion> byId = new LinkedHashMap<>();
		criteria.forEach(c -> byId.put(c.id(), c));
		this.criteria = java.util.Collections.unmodifiableMap(byId);
		this.mentor = mentor;
		this.mentee = mentee;
		this.meetingReminderDays = meetingReminderDays;
	}

	/** The criteria in {@link #CRITERIA} order. */
	public List<Criterion> criteria() {
		return List.copyOf(this.criteria.values());
	}

	public Optional<Criterion> criterion(String id) {
		return Optional.ofNullable(this.criteria.get(id));
	}

	public Form mentor() {
		return this.mentor;
	}

	public Form mentee() {
		return this.mentee;
	}

	/** Default days without a logged meeting after which a pair is reminded. */
	public int meetingReminderDays() {
		return this.meetingReminderDays;
	}

	/**
	 * Loads and checks {@code intake/} under the curriculum folder {@code root}, whose
	 * {@code curriculum} holds the department's list of divisions ({@link Curriculum#divisions()}).
	 * @throws InvalidCurriculumException listing every problem found
	 */
	public static IntakeForms load(Path root, Curriculum curriculum) {
		Problems problems = new Problems();
		Optional<YamlFields> matching = read(root, "intake/matching.yml", problems);
		List<Criterion> criteria = matching.map(f -> criteria(f, curriculum.divisions())).orElse(List.of());
		int reminderDays = matching.map(f -> f.number("meetingReminderDays", 1, 365)).orElse(0);
		Form mentor = read(root, "intake/mentor.yml", problems).map(f -> form(f, "mentor")).orElse(null);
		Form mentee = read(root, "intake/mentee.yml", problems).map(f -> form(f, "mentee")).orElse(null);
		if (!problems.isEmpty()) {
			throw new InvalidCurriculumException(root.toString(), problems.list());
		}
		return new IntakeForms(criteria, mentor, mentee, reminderDays);
	}

	private static List<Criterion> criteria(YamlFields f, List<Instrument.Option> divisions) {
		f.allowOnly(Set.of("meetingReminderDays", "criteria"));
		List<Criterion> criteria = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (YamlFields c : f.mappings("criteria", 1)) {
			c.allowOnly(Set.of("id", "label", "choose", "weight", "otherText", "options"));
			String id = c.text("id");
			if (id != null && !CRITERIA.contains(id)) {
				c.problem(c.line("id"), "unknown criterion '" + id + "' (expected one of: " + String.join(", ", CRITERIA) + ")");
			}
			else if (id != null && seen.contains(id)) {
				c.problem(c.line("id"), "criterion '" + id + "' is listed twice");
			}
			seen.add(id);
			String choose = c.text("choose");
			if (choose != null && !choose.equals("one") && !choose.equals("several")) {
				c.problem(c.line("choose"), "'choose' must be 'one' or 'several', not '" + choose + "'");
			}
			int weight = c.number("weight", 0, 100);
			boolean otherText = flag(c, "otherText");
			List<Option> options = new ArrayList<>();
			Set<String> optionIds = new HashSet<>();
			for (YamlFields o : c.mappings("options", 2)) {
				o.allowOnly(Set.of("id", "label", "notSaid"));
				String optionId = o.text("id");
				if (optionId != null && !ID.matcher(optionId).matches()) {
					o.problem(o.line("id"), "'" + optionId + "' is not a valid id: use lower-case letters, digits and hyphens");
				}
				if (optionId != null && !optionIds.add(optionId)) {
					o.problem(o.line("id"), "option '" + optionId + "' is listed twice");
				}
				options.add(new Option(optionId, o.text("label"), flag(o, "notSaid")));
			}
			if (options.size() > MAX_OPTIONS) {
				c.problem(c.line("options"), "at most " + MAX_OPTIONS + " options, not " + options.size());
			}
			if ("division".equals(id) && !divisions.isEmpty()) {
				checkDivisions(c, options, divisions);
			}
			criteria.add(new Criterion(id, c.text("label"), "several".equals(choose), weight, otherText, options));
		}
		CRITERIA.stream().filter(id -> !seen.contains(id))
			.forEach(id -> f.problem(f.line("criteria"), "criterion '" + id + "' is missing"));
		criteria.sort(java.util.Comparator.comparingInt(c -> CRITERIA.indexOf(c.id())));
		return criteria;
	}

	/**
	 * The intake offers the same divisions, by label, as the surveys' division question. Option
	 * ids are stored with answers and never renamed, so they may differ; the labels may not.
	 */
	private static void checkDivisions(YamlFields c, List<Option> options, List<Instrument.Option> divisions) {
		Set<String> intake = new java.util.LinkedHashSet<>(
				options.stream().filter(o -> !o.notSaid()).map(Option::label).toList());
		Set<String> surveys = new java.util.LinkedHashSet<>(divisions.stream().map(Instrument.Option::label).toList());
		List<String> onlyHere = intake.stream().filter(l -> !surveys.contains(l)).toList();
		List<String> onlyThere = surveys.stream().filter(l -> !intake.contains(l)).toList();
		if (!onlyHere.isEmpty() || !onlyThere.isEmpty()) {
			c.problem(c.line("options"), "the division options must name the same divisions as 'division' in "
					+ "instruments/demographics.yml (the institution's list of divisions); only here: " + onlyHere
					+ "; only in the survey: " + onlyThere);
		}
	}

	private static Form form(YamlFields f, String role) {
		f.allowOnly(Set.of("role", "title", "introduction", "capacityQuestion", "questions"));
		String declared = f.text("role");
		if (declared != null && !declared.equals(role)) {
			f.problem(f.line("role"), "role must be '" + role + "' in this file, not '" + declared + "'");
		}
		String capacity = f.optionalText("capacityQuestion");
		if (role.equals("mentor") && capacity == null) {
			f.problem(f.line(), "missing required field 'capacityQuestion' (mentors say how many mentees they can take)");
		}
		if (role.equals("mentee") && capacity != null) {
			f.problem(f.line("capacityQuestion"), "only the mentor form asks about capacity");
		}
		List<Question> questions = new ArrayList<>();
		for (YamlFields q : f.mappings("questions", 1)) {
			q.allowOnly(Set.of("criterion", "ask", "preference"));
			String criterion = q.text("criterion");
			if (criterion != null && !CRITERIA.contains(criterion)) {
				q.problem(q.line("criterion"), "unknown criterion '" + criterion + "'");
			}
			else if (criterion != null && questions.stream().anyMatch(x -> criterion.equals(x.criterion()))) {
				q.problem(q.line("criterion"), "criterion '" + criterion + "' is asked twice");
			}
			questions.add(new Question(criterion, q.text("ask"), q.text("preference")));
		}
		CRITERIA.stream().filter(id -> questions.stream().noneMatch(q -> id.equals(q.criterion())))
			.forEach(id -> f.problem(f.line("questions"), "the form does not ask about '" + id + "'"));
		questions.sort(java.util.Comparator.comparingInt(q -> CRITERIA.indexOf(q.criterion())));
		return new Form(role, f.text("title"), f.text("introduction"), capacity, questions);
	}

	private static boolean flag(YamlFields f, String field) {
		String value = f.optionalText(field);
		if (value == null) {
			return false;
		}
		if (!value.equals("true") && !value.equals("false")) {
			f.problem(f.line(field), "'" + field + "' must be true or false, not '" + value + "'");
		}
		return value.equals("true");
	}

	private static Optional<YamlFields> read(Path root, String file, Problems problems) {
		Path path = root.resolve(file);
		try {
			if (!Files.isRegularFile(path)) {
				problems.add(file, 0, "file not found");
				return Optional.empty();
			}
			if (Files.size(path) > MAX_FILE_BYTES) {
				problems.add(file, 0, "file is larger than " + MAX_FILE_BYTES + " bytes");
				return Optional.empty();
			}
			return YamlFields.parse(file, Files.readString(path), 0, problems);
		}
		catch (MalformedInputException ex) {
			problems.add(file, 0, "file is not valid UTF-8 text");
		}
		catch (IOException ex) {
			problems.add(file, 0, "cannot be read: " + ex.getMessage());
		}
		return Optional.empty();
	}

	/**
	 * One thing people are matched on.
	 * @param several whether a person may choose several options
	 * @param weight default points (0–100) in a pair's compatibility
	 * @param otherText whether the form offers a free-text "other" answer (shown to staff, not scored)
	 */
	public record Criterion(String id, String label, boolean several, int weight, boolean otherText,
			List<Option> options) {

		public Criterion {
			options = List.copyOf(options);
		}

		/** The option's position (its bit in an answer), or -1 when unknown. */
		public int indexOf(String optionId) {
			for (int k = 0; k < this.options.size(); k++) {
				if (this.options.get(k).id().equals(optionId)) {
					return k;
				}
			}
			return -1;
		}

	}

	/** @param notSaid "prefer not to say": an answer that meets no preference */
	public record Option(String id, String label, boolean notSaid) {
	}

	/** @param capacityQuestion asked of mentors only, else {@code null} */
	public record Form(String role, String title, String introduction, String capacityQuestion,
			List<Question> questions) {

		public Form {
			questions = List.copyOf(questions);
		}

	}

	/** How a form asks about a criterion: the person's own answer, and what they prefer in the other person. */
	public record Question(String criterion, String ask, String preference) {
	}

}
