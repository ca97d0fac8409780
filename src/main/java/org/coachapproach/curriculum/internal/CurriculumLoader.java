package org.coachapproach.curriculum.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.coachapproach.curriculum.Competency;
import org.coachapproach.curriculum.CompetencyDomain;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.CurriculumProblem;
import org.coachapproach.curriculum.Exercise;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.InterviewGuide;
import org.coachapproach.curriculum.InvalidCurriculumException;
import org.coachapproach.curriculum.Program;
import org.coachapproach.curriculum.ProgramMaterials;
import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.curriculum.Exercise.Kind;
import org.coachapproach.curriculum.TrainingSession.AgendaItem;
import org.coachapproach.curriculum.TrainingSession.Assignment;

/**
 * Reads {@code curriculum/}, checks it as a whole and builds the {@link Curriculum}. Every
 * problem in every file is collected before failing, so an author fixes them in one round.
 */
public final class CurriculumLoader {

	static final int SESSION_COUNT = 7;

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern SESSION_FILE = Pattern.compile("(\\d{2})-[a-z0-9-]+\\.md");

	private static final Pattern SERIES_FILE = Pattern.compile("(\\d{4})-(\\d{4})\\.yml");

	private static final long MAX_FILE_BYTES = 1_000_000;

	/**
	 * Essential pre-work and between-session minutes per session. Sessions are about six weeks
	 * apart, so this keeps the load near 20 minutes a week: time was the paper's main barrier.
	 */
	public static final int MAX_ESSENTIAL_MINUTES = 120;

	private static final Pattern EXERCISE_NAMED = Pattern.compile("\\bex-[a-z0-9]+(-[a-z0-9]+)*");

	static final String EVALUATION = "evaluation";

	private final Path root;

	private final Problems problems = new Problems();

	private CurriculumLoader(Path root) {
		this.root = root;
	}

	/**
	 * Loads and validates the curriculum in {@code root}.
	 * @throws InvalidCurriculumException listing every problem found
	 */
	public static Curriculum load(Path root) {
		return new CurriculumLoader(root).load();
	}

	private Curriculum load() {
		if (!Files.isDirectory(this.root)) {
			throw new InvalidCurriculumException(this.root.toString(),
					List.of(new CurriculumProblem(".", 0, "curriculum folder not found")));
		}
		Optional<Program> program = readYaml("program.yml").map(this::program);
		Optional<YamlFields> framework = readYaml("competencies/icf-2019.yml");
		String frameworkVersion = framework.map(f -> f.text("version")).orElse(null);
		List<CompetencyDomain> domains = new ArrayList<>();
		List<Competency> competencies = framework.map(f -> competencies(f, domains)).orElse(List.of());
		Set<String> competencyIds = ids(competencies.stream().map(Competency::id));
		List<Exercise> exercises = exercises(competencyIds);
		int meetMenteesAfter = program.map(Program::meetMenteesAfterSession).orElse(0);
		List<TrainingSession> sessions = sessions(competencyIds, exercises, meetMenteesAfter);
		program.ifPresent(p -> checkSessionOrder(p, sessions));
		List<SeriesSession> series = series();
		List<Instrument> instruments = Files.isDirectory(this.root.resolve(InstrumentReader.FOLDER))
				? new InstrumentReader(this::readYaml, competencyIds).read(files(InstrumentReader.FOLDER, ".yml"))
				: List.of();
		List<InterviewGuide> guides = interviewGuides();
		ProgramMaterials materials = new ProgramMaterialsReader(this::readMarkdown, this::markdownFiles, this.problems)
			.read(sessions);
		if (!this.problems.isEmpty()) {
			throw new InvalidCurriculumException(this.root.toString(), this.problems.list());
		}
		return new Curriculum(program.orElseThrow(), sessions, frameworkVersion, domains, competencies, exercises,
				series, instruments, guides, materials, contentHash());
	}

	private Program program(YamlFields f) {
		f.allowOnly(Set.of("id", "version", "name", "description", "sessions", "meetMenteesAfterSession",
				"meetingExpectation"));
		String id = id(f, "id");
		return new Program(id, f.text("version"), f.text("name"), f.text("description"), f.texts("sessions", 1),
				f.number("meetMenteesAfterSession", 1, SESSION_COUNT), f.optionalText("meetingExpectation"));
	}

	private List<Competency> competencies(YamlFields f, List<CompetencyDomain> domains) {
		f.allowOnly(Set.of("version", "source", "domains"));
		List<Competency> competencies = new ArrayList<>();
		for (YamlFields d : f.mappings("domains", 1)) {
			d.allowOnly(Set.of("id", "title", "competencies"));
			String domainId = id(d, "id");
			String title = d.text("title");
			List<String> ids = new ArrayList<>();
			for (YamlFields c : d.mappings("competencies", 1)) {
				c.allowOnly(Set.of("id", "number", "title", "summary", "behaviours", "examples"));
				Competency competency = new Competency(id(c, "id"), c.number("number", 1, 99), domainId,
						c.text("title"), c.text("summary"), c.texts("behaviours", 1), c.texts("examples", 0));
				plainText(c, "summary", java.util.Collections.singletonList(competency.summary()));
				plainText(c, "behaviours", competency.behaviours());
				plainText(c, "examples", competency.examples());
				ids.add(competency.id());
				competencies.add(competency);
				unique("competency id", competency.id(), c, "id");
				unique("competency number", String.valueOf(competency.number()), c, "number");
			}
			domains.add(new CompetencyDomain(domainId, title, ids));
			unique("domain id", domainId, d, "id");
		}
		return competencies;
	}

	private List<Exercise> exercises(Set<String> competencyIds) {
		List<Exercise> exercises = new ArrayList<>();
		for (String file : markdownFiles("exercises")) {
			readMarkdown(file).ifPresent(doc -> {
				YamlFields f = doc.frontMatter();
				f.allowOnly(Set.of("id", "title", "kind", "durationMinutes", "competencies", "roles",
						"observerChecklist", "reflectionPrompts", "withMentee", "competencyRatings"));
				String id = id(f, "id");
				if (id != null && !file.equals("exercises/" + id + ".md")) {
					f.problem(f.line("id"), "id '" + id + "' must match the file name (" + id + ".md)");
				}
				unique("exercise id", id, f, "id");
				Kind kind = kind(f);
				List<Exercise.Role> roles = f.mappings("roles", 0).stream().map(r -> {
					r.allowOnly(Set.of("role", "brief"));
					Exercise.Role role = new Exercise.Role(r.text("role"), r.text("brief"));
					plainText(r, "brief", java.util.Collections.singletonList(role.brief()));
					return role;
				}).toList();
				List<String> checklist = f.texts("observerChecklist", 0);
				if (kind == Kind.IN_CLASS_TRIAD) {
					List<String> names = roles.stream().map(Exercise.Role::role).sorted().toList();
					if (!names.equals(List.of("coach", "mentee", "observer"))) {
						f.problem(f.line("roles"), "an in-class-triad needs exactly the roles coach, mentee and observer");
					}
					if (checklist.isEmpty()) {
						f.problem(f.line("observerChecklist"), "an in-class-triad needs an observerChecklist");
					}
				}
				List<String> competencies = f.texts("competencies", 1);
				f.checkReferences("competencies", competencies, competencyIds, "competency");
				String withMentee = f.optionalText("withMentee");
				if (withMentee != null && !withMentee.equals("true") && !withMentee.equals("false")) {
					f.problem(f.line("withMentee"), "'withMentee' must be true or false");
				}
				else if ("true".equals(withMentee) && kind != null && kind != Kind.BETWEEN_SESSION) {
					f.problem(f.line("withMentee"), "only a between-session exercise can be held with the mentee");
				}
				String ratings = f.optionalText("competencyRatings");
				if (ratings != null && !ratings.equals("true") && !ratings.equals("false")) {
					f.problem(f.line("competencyRatings"), "'competencyRatings' must be true or false");
				}
				else if ("true".equals(ratings) && (kind != Kind.IN_CLASS_TRIAD
						|| !Set.copyOf(competencies).equals(competencyIds) || checklist.size() != competencyIds.size())) {
					// The observer rates the coach on each checklist item, item n for competency n.
					f.problem(f.line("competencyRatings"), "an exercise with competencyRatings is an in-class-triad that lists"
							+ " all " + competencyIds.size() + " competencies and has one observerChecklist item per competency,"
							+ " in the competencies' order");
				}
				Exercise exercise = new Exercise(id, f.text("title"), kind, f.number("durationMinutes", 1, 600),
						competencies, roles, checklist, f.texts("reflectionPrompts", 1), "true".equals(withMentee),
						"true".equals(ratings), doc.body());
				plainText(f, "observerChecklist", exercise.observerChecklist());
				plainText(f, "reflectionPrompts", exercise.reflectionPrompts());
				exercises.add(exercise);
			});
		}
		return exercises;
	}

	private Kind kind(YamlFields f) {
		String label = f.text("kind");
		if (label == null) {
			return null;
		}
		for (Kind kind : Kind.values()) {
			if (kind.label().equals(label)) {
				return kind;
			}
		}
		f.problem(f.line("kind"), "unknown kind '" + label + "' (expected in-class-triad, in-class or between-session)");
		return null;
	}

	private List<TrainingSession> sessions(Set<String> competencyIds, List<Exercise> allExercises,
			int meetMenteesAfter) {
		Set<String> exerciseIds = ids(allExercises.stream().map(Exercise::id));
		Set<String> withMentee = ids(allExercises.stream().filter(Exercise::withMentee).map(Exercise::id));
		List<TrainingSession> sessions = new ArrayList<>();
		Map<Integer, String> fileByNumber = new HashMap<>();
		for (String file : markdownFiles("sessions")) {
			Matcher name = SESSION_FILE.matcher(file.substring("sessions/".length()));
			if (!name.matches()) {
				this.problems.add(file, 0, "session files are named NN-title.md, e.g. 01-mentoring-knowledge-base.md");
				continue;
			}
			readMarkdown(file).ifPresent(doc -> {
				YamlFields f = doc.frontMatter();
				f.allowOnly(Set.of("id", "number", "title", "durationMinutes", "summary", "objectives", "competencies",
						"agenda", "exercises", "preWork", "betweenSessionPractice"));
				String id = id(f, "id");
				unique("session id", id, f, "id");
				int number = f.number("number", 1, SESSION_COUNT);
				if (number > 0 && Integer.parseInt(name.group(1)) != number) {
					f.problem(f.line("number"), "number " + number + " does not match the file name's " + name.group(1));
				}
				if (number > 0 && fileByNumber.putIfAbsent(number, file) != null) {
					f.problem(f.line("number"), "session number " + number + " is also used by " + fileByNumber.get(number));
				}
				int duration = f.number("durationMinutes", 1, 600);
				List<AgendaItem> agenda = f.mappings("agenda", 1).stream().map(a -> {
					a.allowOnly(Set.of("minutes", "activity"));
					AgendaItem item = new AgendaItem(a.number("minutes", 1, 600), a.text("activity"));
					plainText(a, "activity", java.util.Collections.singletonList(item.activity()));
					return item;
				}).toList();
				int planned = agenda.stream().mapToInt(AgendaItem::minutes).sum();
				if (duration > 0 && f.has("agenda") && planned != duration) {
					f.problem(f.line("agenda"),
							"agenda timings add up to " + planned + " minutes, not the session's " + duration);
				}
				if (doc.body().isBlank()) {
					f.problem(f.line(), "the session has no content after its front matter");
				}
				List<String> competencies = f.texts("competencies", 0);
				f.checkReferences("competencies", competencies, competencyIds, "competency");
				List<String> exercises = f.texts("exercises", 1);
				f.checkReferences("exercises", exercises, exerciseIds, "exercise");
				// A session's exercises are done after it: mentee meetings may be asked for from that session on.
				if (number > 0 && number < meetMenteesAfter) {
					exercises.stream().filter(withMentee::contains).forEach(e -> f.problem(f.line("exercises"),
							"session " + number + " comes before mentors meet their mentees (after session "
									+ meetMenteesAfter + ", program.yml meetMenteesAfterSession) but lists '" + e
									+ "', which is held with the mentee"));
				}
				List<Assignment> preWork = assignments(f, "preWork", List.of());
				List<Exercise> ownBetweenSession = allExercises.stream()
					.filter(e -> exercises.contains(e.id()) && e.kind() == Kind.BETWEEN_SESSION)
					.toList();
				List<Assignment> practice = assignments(f, "betweenSessionPractice", ownBetweenSession);
				TrainingSession session = new TrainingSession(id, number, f.text("title"), duration,
						f.optionalText("summary"), f.texts("objectives", 1), competencies, agenda, exercises, preWork,
						practice, doc.body());
				if (session.essentialMinutes() > MAX_ESSENTIAL_MINUTES) {
					f.problem(f.line("betweenSessionPractice"), "essential pre-work and between-session practice add up to "
							+ session.essentialMinutes() + " minutes, more than " + MAX_ESSENTIAL_MINUTES
							+ ": mark some as essential: false, or shorten them");
				}
				plainText(f, "summary", java.util.Collections.singletonList(session.summary()));
				plainText(f, "objectives", session.objectives());
				sessions.add(session);
			});
		}
		for (int n = 1; n <= SESSION_COUNT; n++) {
			if (!fileByNumber.containsKey(n) && !sessions.isEmpty()) {
				this.problems.add("sessions", 0, "session " + n + " is missing: sessions are numbered 1 to "
						+ SESSION_COUNT + " without gaps");
			}
		}
		if (sessions.isEmpty() && this.problems.list().stream().noneMatch(p -> p.file().startsWith("sessions"))) {
			this.problems.add("sessions", 0, "no session files found");
		}
		return sessions;
	}

	/**
	 * A session's pre-work or between-session practice: each item {@code text}, estimated
	 * {@code minutes} and whether it is {@code essential}. An item naming one of the session's
	 * own between-session exercises takes its time from the exercise and is essential, since the
	 * session is complete only when its exercises are.
	 */
	private static List<Assignment> assignments(YamlFields f, String field, List<Exercise> ownExercises) {
		List<Assignment> assignments = new ArrayList<>();
		for (YamlFields a : f.mappings(field, 1)) {
			a.allowOnly(Set.of("text", "minutes", "essential"));
			String text = a.text("text");
			int minutes = a.number("minutes", 1, 600);
			String essential = a.text("essential");
			if (essential != null && !essential.equals("true") && !essential.equals("false")) {
				a.problem(a.line("essential"), "'essential' must be true or false, not '" + essential + "'");
			}
			if (text == null) {
				continue;
			}
			plainText(a, "text", List.of(text));
			Matcher named = EXERCISE_NAMED.matcher(text);
			while (named.find()) {
				String exerciseId = named.group();
				ownExercises.stream().filter(e -> e.id().equals(exerciseId)).findFirst().ifPresent(e -> {
					if (minutes > 0 && minutes != e.durationMinutes()) {
						a.problem(a.line("minutes"), "'" + exerciseId + "' takes " + e.durationMinutes()
								+ " minutes (its durationMinutes), not " + minutes);
					}
					if ("false".equals(essential)) {
						a.problem(a.line("essential"), "'" + exerciseId + "' is one of the session's exercises, "
								+ "which complete the session: it is essential");
					}
				});
			}
			assignments.add(new Assignment(text, minutes, "true".equals(essential)));
		}
		return assignments;
	}

	/** Every {@code series/<academic-year>.yml}; the folder is optional. */
	private List<SeriesSession> series() {
		List<SeriesSession> series = new ArrayList<>();
		if (!Files.isDirectory(this.root.resolve("series"))) {
			return series;
		}
		for (String file : files("series", ".yml")) {
			Matcher name = SERIES_FILE.matcher(file.substring("series/".length()));
			if (!name.matches()) {
				this.problems.add(file, 0, "series files are named after their academic year, e.g. 2022-2023.yml");
				continue;
			}
			readYaml(file).ifPresent(f -> {
				f.allowOnly(Set.of("academicYear", "sessions"));
				String year = f.text("academicYear");
				int firstYear = Integer.parseInt(name.group(1));
				if (year != null && !year.equals(name.group(1) + "-" + name.group(2))) {
					f.problem(f.line("academicYear"), "academicYear '" + year + "' does not match the file name");
				}
				else if (Integer.parseInt(name.group(2)) != firstYear + 1) {
					f.problem(f.line("academicYear"), "an academic year spans two consecutive years, e.g. 2022-2023");
				}
				for (YamlFields s : f.mappings("sessions", 1)) {
					seriesSession(s, year, firstYear).ifPresent(series::add);
				}
			});
		}
		return series;
	}

	/**
	 * Every {@code evaluation/<id>.md} interview guide; the folder is optional. Only mentors and
	 * mentees are interviewed, and the body must speak to each audience under its own heading.
	 */
	private List<InterviewGuide> interviewGuides() {
		List<InterviewGuide> guides = new ArrayList<>();
		if (!Files.isDirectory(this.root.resolve(EVALUATION))) {
			return guides;
		}
		for (String file : markdownFiles(EVALUATION)) {
			readMarkdown(file).ifPresent(doc -> {
				YamlFields f = doc.frontMatter();
				f.allowOnly(Set.of("id", "title", "audiences", "durationMinutes"));
				String id = id(f, "id");
				if (id != null && !file.equals(EVALUATION + "/" + id + ".md")) {
					f.problem(f.line("id"), "id '" + id + "' must match the file name (" + id + ".md)");
				}
				Set<Instrument.Audience> audiences = new java.util.LinkedHashSet<>();
				for (String label : f.texts("audiences", 1)) {
					Optional<Instrument.Audience> audience = Instrument.Audience.fromLabel(label)
						.filter(a -> a != Instrument.Audience.FACULTY);
					audience.ifPresentOrElse(audiences::add, () -> f.problem(f.line("audiences"),
							"unknown audience '" + label + "' in 'audiences' (expected mentor or mentee)"));
				}
				int duration = f.number("durationMinutes", 1, 600);
				String title = f.text("title");
				if (doc.body().isBlank()) {
					f.problem(f.line(), "the guide has no content after its front matter");
				}
				for (Instrument.Audience audience : audiences) {
					String heading = "for " + audience.label() + "s";
					boolean found = doc.body().lines()
						.anyMatch(l -> l.startsWith("#") && l.toLowerCase(java.util.Locale.ROOT).contains(heading));
					if (!doc.body().isBlank() && !found) {
						f.problem(f.line("audiences"), "the guide is for " + audience.label()
								+ "s but has no heading with '" + heading + "' (e.g. '## Questions " + heading + "')");
					}
				}
				if (id != null && title != null && duration > 0 && !audiences.isEmpty() && !doc.body().isBlank()) {
					guides.add(new InterviewGuide(id, title, audiences, duration, doc.body()));
				}
			});
		}
		return guides;
	}

	private Optional<SeriesSession> seriesSession(YamlFields f, String year, int firstYear) {
		f.allowOnly(Set.of("id", "date", "startTime", "timeZone", "durationMinutes", "title", "category", "presenter",
				"summary", "recordingUrl", "captions", "captionsUrl", "transcriptUrl", "example", "joinUrl",
				"permissionToRecord", "status"));
		String id = id(f, "id");
		unique("series session id", id, f, "id");
		LocalDate date = parse(f, "date", LocalDate::parse, "a date like 2022-09-13");
		// Academic years run July to June.
		if (date != null && (date.isBefore(LocalDate.of(firstYear, 7, 1))
				|| !date.isBefore(LocalDate.of(firstYear + 1, 7, 1)))) {
			f.problem(f.line("date"), "date " + date + " is outside the academic year " + year);
		}
		LocalTime start = parse(f, "startTime", LocalTime::parse, "a 24-hour time like \"12:00\" (quoted)");
		ZoneId zone = parse(f, "timeZone", ZoneId::of, "a time zone like America/Chicago");
		int duration = f.number("durationMinutes", 1, 600);
		String categoryLabel = f.text("category");
		SeriesCategory category = categoryLabel == null ? null : SeriesCategory.fromLabel(categoryLabel).orElse(null);
		if (categoryLabel != null && category == null) {
			f.problem(f.line("category"), "unknown category '" + categoryLabel + "' (expected one of: "
					+ String.join(", ", Stream.of(SeriesCategory.values()).map(SeriesCategory::label).toList()) + ")");
		}
		String captionsLabel = f.text("captions");
		SeriesSession.Captions captions = null;
		if (captionsLabel != null) {
			captions = Stream.of(SeriesSession.Captions.values()).filter(c -> c.label().equals(captionsLabel))
				.findFirst().orElse(null);
			if (captions == null) {
				f.problem(f.line("captions"), "unknown captions status '" + captionsLabel
						+ "' (expected available, none or pending)");
			}
		}
		String recording = f.optionalText("recordingUrl");
		String captionsUrl = f.optionalText("captionsUrl");
		String transcriptUrl = f.optionalText("transcriptUrl");
		if (recording != null) {
			RecordingUrls.problem(recording).ifPresent(p -> f.problem(f.line("recordingUrl"), p));
			if (RecordingUrls.isMp4(recording) && (captionsUrl == null || !captionsUrl.toLowerCase(java.util.Locale.ROOT)
				.split("[?#]", 2)[0].endsWith(".vtt"))) {
				f.problem(f.line("recordingUrl"), "an .mp4 recording needs a captionsUrl to a WebVTT (.vtt) file");
			}
		}
		for (String field : List.of("captionsUrl", "transcriptUrl")) {
			String url = f.optionalText(field);
			if (url != null && !RecordingUrls.isHttps(url)) {
				f.problem(f.line(field), "'" + field + "' must be an https address, not '" + url + "'");
			}
		}
		String example = f.optionalText("example");
		if (example != null && !example.equals("true") && !example.equals("false")) {
			f.problem(f.line("example"), "'example' must be true or false");
		}
		String joinUrl = f.optionalText("joinUrl");
		if (joinUrl != null && !RecordingUrls.isHttps(joinUrl)) {
			f.problem(f.line("joinUrl"), "'joinUrl' must be an https address, not '" + joinUrl + "'");
		}
		// Without the field, a recording implies the presenter's permission (the archive's files say so).
		String permission = f.optionalText("permissionToRecord");
		if (permission != null && !permission.equals("true") && !permission.equals("false")) {
			f.problem(f.line("permissionToRecord"), "'permissionToRecord' must be true or false");
		}
		boolean permitted = permission == null ? recording != null : permission.equals("true");
		if (recording != null && !permitted) {
			f.problem(f.line("recordingUrl"), "a recording is published only with the presenter's permission "
					+ "(permissionToRecord is false)");
			recording = null;
		}
		String status = f.optionalText("status");
		if (status != null && !status.equals("scheduled") && !status.equals("cancelled")) {
			f.problem(f.line("status"), "'status' must be scheduled or cancelled, not '" + status + "'");
		}
		SeriesSession session = new SeriesSession(id, year, date, start, zone, duration, f.text("title"), category,
				f.text("presenter"), f.text("summary"), recording, captions, captionsUrl, transcriptUrl,
				"true".equals(example), joinUrl, permitted, "cancelled".equals(status));
		boolean complete = id != null && year != null && date != null && start != null && zone != null && duration > 0
				&& session.title() != null && category != null && session.presenter() != null
				&& session.summary() != null && captions != null;
		return complete ? Optional.of(session) : Optional.empty();
	}

	/** Front-matter text is plain text, shown as typed: Markdown in it would appear literally. */
	private static void plainText(YamlFields f, String field, List<String> values) {
		values.stream().map(CurriculumMarkdown::markupInPlainText).flatMap(Optional::stream).findFirst()
			.ifPresent(markup -> f.problem(f.line(field), "'" + field + "' is plain text, shown as typed: remove the "
					+ "Markdown or HTML '" + markup + "' (only the body below the front matter is Markdown)"));
	}

	private static <T> T parse(YamlFields f, String field, java.util.function.Function<String, T> parser,
			String expected) {
		String value = f.text(field);
		if (value == null) {
			return null;
		}
		try {
			return parser.apply(value);
		}
		catch (RuntimeException ex) {
			f.problem(f.line(field), "'" + field + "' must be " + expected + ", not '" + value + "'");
			return null;
		}
	}

	private void checkSessionOrder(Program program, List<TrainingSession> sessions) {
		List<String> byNumber = sessions.stream()
			.sorted(java.util.Comparator.comparingInt(TrainingSession::number))
			.map(TrainingSession::id)
			.toList();
		Set<String> sessionIds = ids(byNumber.stream());
		program.sessionOrder().stream().filter(id -> !sessionIds.contains(id))
			.forEach(id -> this.problems.add("program.yml", 0, "sessions lists unknown session '" + id + "'"));
		if (sessionIds.containsAll(program.sessionOrder()) && !program.sessionOrder().equals(byNumber)) {
			this.problems.add("program.yml", 0, "sessions must list every session once, in number order: " + byNumber);
		}
	}

	private static Set<String> ids(Stream<String> ids) {
		return ids.filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
	}

	private final Map<String, Map<String, String>> seen = new HashMap<>();

	private void unique(String what, String value, YamlFields f, String field) {
		if (value == null) {
			return;
		}
		String first = this.seen.computeIfAbsent(what, k -> new HashMap<>())
			.putIfAbsent(value, f.file() + ":" + f.line(field));
		if (first != null) {
			f.problem(f.line(field), what + " '" + value + "' is already used at " + first);
		}
	}

	static String id(YamlFields f, String field) {
		String id = f.text(field);
		if (id != null && !ID.matcher(id).matches()) {
			f.problem(f.line(field), "'" + id + "' is not a valid id: use lower-case letters, digits and hyphens");
		}
		return id;
	}

	private Optional<YamlFields> readYaml(String file) {
		return read(file).flatMap(text -> YamlFields.parse(file, text, 0, this.problems));
	}

	private Optional<MarkdownDocument> readMarkdown(String file) {
		Optional<MarkdownDocument> document = read(file).flatMap(text -> MarkdownDocument.parse(file, text, this.problems));
		document.ifPresent(doc -> CurriculumMarkdown.check(file, doc.bodyLine(), doc.body(), this.problems));
		return document;
	}

	private Optional<String> read(String file) {
		Path path = this.root.resolve(file);
		if (!Files.isRegularFile(path)) {
			this.problems.add(file, 0, "file not found");
			return Optional.empty();
		}
		try {
			if (Files.size(path) > MAX_FILE_BYTES) {
				this.problems.add(file, 0, "file is larger than " + MAX_FILE_BYTES + " bytes");
				return Optional.empty();
			}
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
				.toString());
		}
		catch (CharacterCodingException ex) {
			this.problems.add(file, 0, "file is not valid UTF-8 text");
		}
		catch (IOException ex) {
			this.problems.add(file, 0, "cannot be read: " + ex.getMessage());
		}
		return Optional.empty();
	}

	private List<String> markdownFiles(String folder) {
		return files(folder, ".md");
	}

	private List<String> files(String folder, String extension) {
		Path dir = this.root.resolve(folder);
		if (!Files.isDirectory(dir)) {
			this.problems.add(folder, 0, "folder not found");
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(p -> p.getFileName().toString().endsWith(extension))
				.map(p -> folder + "/" + p.getFileName())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SHA-256 over every content file's relative path and bytes, in path order; READMEs excluded. */
	private String contentHash() {
		try (Stream<Path> files = Files.walk(this.root)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Map<String, Path> sorted = new java.util.TreeMap<>();
			files.filter(Files::isRegularFile)
				.filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.forEach(p -> sorted.put(this.root.relativize(p).toString().replace('\\', '/'), p));
			for (Map.Entry<String, Path> entry : sorted.entrySet()) {
				digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(Files.readAllBytes(entry.getValue()));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
