package org.coachapproach.curriculum;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable catalog of everything taught, loaded and validated from {@code curriculum/}.
 * Its {@link #contentHash()} identifies the exact content, so records of what people did can
 * name the version they refer to.
 */
public final class Curriculum {

	private final Program program;

	private final List<TrainingSession> sessions;

	private final List<CompetencyDomain> domains;

	private final String frameworkVersion;

	private final Map<String, Competency> competencies;

	private final Map<String, Exercise> exercises;

	private final List<SeriesSession> series;

	private final Map<String, SeriesSession> seriesById;

	/** The instrument whose division question holds the department's list of divisions. */
	public static final String DEMOGRAPHICS = "demographics";

	public static final String DIVISION_ITEM = "division";

	private final Map<String, Instrument> instruments;

	private final Map<String, InterviewGuide> interviewGuides;

	private final ProgramMaterials materials;

	private final String contentHash;

	public Curriculum(Program program, List<TrainingSession> sessions, String frameworkVersion,
			List<CompetencyDomain> domains, List<Competency> competencies, List<Exercise> exercises,
			String contentHash) {
		this(program, sessions, frameworkVersion, domains, competencies, exercises, List.of(), contentHash);
	}

	public Curriculum(Program program, List<TrainingSession> sessions, String frameworkVersion,
			List<CompetencyDomain> domains, List<Competency> competencies, List<Exercise> exercises,
			List<SeriesSession> series, String contentHash) {
		this(program, sessions, frameworkVersion, domains, competencies, exercises, series, List.of(), contentHash);
	}

	public Curriculum(Program program, List<TrainingSession> sessions, String frameworkVersion,
			List<CompetencyDomain> domains, List<Competency> competencies, List<Exercise> exercises,
			List<SeriesSession> series, List<Instrument> instruments, String contentHash) {
		this(program, sessions, frameworkVersion, domains, competencies, exercises, series, instruments, List.of(),
				contentHash);
	}

	public Curriculum(Program program, List<TrainingSession> sessions, String frameworkVersion,
			List<CompetencyDomain> domains, List<Competency> competencies, List<Exercise> exercises,
			List<SeriesSession> series, List<Instrument> instruments, List<InterviewGuide> interviewGuides,
			String contentHash) {
		this(program, sessions, frameworkVersion, domains, competencies, exercises, series, instruments,
				interviewGuides, ProgramMaterials.NONE, contentHash);
	}

	public Curriculum(Program program, List<TrainingSession> sessions, String frameworkVersion,
			List<CompetencyDomain> domains, List<Competency> competencies, List<Exercise> exercises,
			List<SeriesSession> series, List<Instrument> instruments, List<InterviewGuide> interviewGuides,
			ProgramMaterials materials, String contentHash) {
		this.program = program;
		this.sessions = sessions.stream().sorted(Comparator.comparingInt(TrainingSession::number)).toList();
		this.frameworkVersion = frameworkVersion;
		this.domains = List.copyOf(domains);
		this.competencies = index(competencies.stream().sorted(Comparator.comparingInt(Competency::number)).toList(),
				Competency::id);
		this.exercises = index(exercises, Exercise::id);
		this.series = series.stream()
			.sorted(Comparator.comparing(SeriesSession::date).thenComparing(SeriesSession::startTime)
				.thenComparing(SeriesSession::id))
			.toList();
		this.seriesById = index(this.series, SeriesSession::id);
		this.instruments = index(instruments.stream().sorted(Comparator.comparing(Instrument::id)).toList(),
				Instrument::id);
		this.interviewGuides = index(interviewGuides.stream().sorted(Comparator.comparing(InterviewGuide::id)).toList(),
				InterviewGuide::id);
		this.materials = materials;
		this.contentHash = contentHash;
	}

	private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach(item -> map.put(id.apply(item), item));
		return java.util.Collections.unmodifiableMap(map);
	}

	public Program program() {
		return this.program;
	}

	/** The program's own version label, from {@code program.yml}. */
	public String version() {
		return this.program.version();
	}

	/** SHA-256 over every content file, hex encoded. */
	public String contentHash() {
		return this.contentHash;
	}

	/** Sessions in teaching order. */
	public List<TrainingSession> sessions() {
		return this.sessions;
	}

	public Optional<TrainingSession> session(int number) {
		return this.sessions.stream().filter(s -> s.number() == number).findFirst();
	}

	public Optional<TrainingSession> session(String id) {
		return this.sessions.stream().filter(s -> s.id().equals(id)).findFirst();
	}

	public String competencyFrameworkVersion() {
		return this.frameworkVersion;
	}

	public List<CompetencyDomain> domains() {
		return this.domains;
	}

	public List<Competency> competencies() {
		return List.copyOf(this.competencies.values());
	}

	public Optional<Competency> competency(String id) {
		return Optional.ofNullable(this.competencies.get(id));
	}

	public List<Exercise> exercises() {
		return List.copyOf(this.exercises.values());
	}

	public Optional<Exercise> exercise(String id) {
		return Optional.ofNullable(this.exercises.get(id));
	}

	/** The sessions that practise a competency, in teaching order. */
	public List<TrainingSession> sessionsPractising(String competencyId) {
		return this.sessions.stream().filter(s -> s.competencyIds().contains(competencyId)).toList();
	}

	/** Every CFDS session of every academic year, oldest first. */
	public List<SeriesSession> series() {
		return this.series;
	}

	public Optional<SeriesSession> seriesSession(String id) {
		return Optional.ofNullable(this.seriesById.get(id));
	}

	/** Every survey instrument, by id. */
	public List<Instrument> instruments() {
		return List.copyOf(this.instruments.values());
	}

	public Optional<Instrument> instrument(String id) {
		return Optional.ofNullable(this.instruments.get(id));
	}

	/**
	 * The department's divisions: the options of the demographics' division question, without
	 * "prefer not to say". The adopting institution replaces the list; the intake's division
	 * criterion and every other division question must agree with it.
	 */
	public List<Instrument.Option> divisions() {
		return instrument(DEMOGRAPHICS).flatMap(i -> i.item(DIVISION_ITEM)).map(Instrument.Item::options)
			.orElse(List.of())
			.stream()
			.filter(o -> !o.value().equals(Instrument.Option.PREFER_NOT_TO_SAY))
			.toList();
	}

	/** The guides for the evaluation's interviews, by id. */
	public List<InterviewGuide> interviewGuides() {
		return List.copyOf(this.interviewGuides.values());
	}

	/** Facilitator guides, handouts and the mentee orientation. */
	public ProgramMaterials materials() {
		return this.materials;
	}

}
