package org.coachapproach.assessment.internal.imports;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import org.coachapproach.DelimitedTable;
import org.coachapproach.DelimitedTable.Row;
import org.coachapproach.LineProblem;
import org.coachapproach.assessment.AnswerProblem;
import org.coachapproach.assessment.AnswersRefusedException;
import org.coachapproach.assessment.ResponseImports.Column;
import org.coachapproach.assessment.ResponseImports.ImportRefusedException;
import org.coachapproach.assessment.ResponseImports.Layout;
import org.coachapproach.assessment.ResponseImports.Missing;
import org.coachapproach.assessment.ResponseImports.NotAsked;
import org.coachapproach.assessment.ResponseImports.Preview;
import org.coachapproach.assessment.ResponseImports.Request;
import org.coachapproach.assessment.internal.report.CohortReader;
import org.coachapproach.assessment.internal.responses.AnswerCheck;
import org.coachapproach.assessment.internal.responses.Pseudonyms;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an earlier cohort's responses from a survey platform's export (CSV or TSV in
 * Qualtrics' layout: a row of column ids, then optionally a row of question texts and a row of
 * {@code {"ImportId":…}}, then one row per response; numbers or choice text). Staff map
 * columns to items; an item left unmapped was not asked in that cohort, a blank cell is a
 * missing answer. Every row is checked before anything is written, and one bad cell imports
 * nothing. Respondents are stored under a pseudonym of the file's respondent code (the column
 * that links pre to post). The writing runs as an {@link ImportJobs import job}.
 */
@Service
public class ResponseImport {

	private static final Logger log = LoggerFactory.getLogger(ResponseImport.class);

	/** Short, and only letters, digits, spaces and {@code . - _}: it is shown and used in figure names. */

	/** Any run of white space, non-breaking spaces included (survey platforms export them). */
	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

	/**
	 * Columns a file may have: a survey's export has a few hundred at most, and the mapping step
	 * offers every column for every item (a 10 MB row of commas would be millions of choices each).
	 */
	public static final int MAX_COLUMNS = 1000;

	/** Rows written between two progress updates. */
	static final int CHUNK = 500;

	private final CohortLabels labels;

	private final Pseudonyms pseudonyms;

	private final CohortWriter writer;

	private final Curriculum curriculum;

	private final JdbcClient jdbc;

	private final ImportJobs jobs;

	private final TransactionTemplate transactions;

	private final Executor executor;

	ResponseImport(Pseudonyms pseudonyms, CohortWriter writer, Curriculum curriculum, JdbcClient jdbc, ImportJobs jobs,
			TransactionTemplate transactions, @Qualifier("applicationTaskExecutor") Executor executor, CohortLabels labels) {
		this.labels = labels;
		this.pseudonyms = pseudonyms;
		this.writer = writer;
		this.curriculum = curriculum;
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.transactions = transactions;
		this.executor = executor;
	}

	/** A file that passed every check: the responses to write and its preview. */
	public record Checked(Request request, List<CohortWriter.Submitted> responses, Preview preview) {
	}

	/** Whether {@code label} may name an earlier cohort ({@link CohortReader#OWN} is the course's own). */
	public static boolean isCohortLabel(String label) {
		return CohortLabels.problem(label) == null;
	}

	/**
	 * The file's rows, empty lines left out.
	 * @throws ImportRefusedException when a quoted cell is never closed
	 */
	public static List<Row> rows(String text, char delimiter) {
		try {
			return DelimitedTable.read(text, delimiter).stream()
				.filter(row -> !(row.cells().size() == 1 && row.cells().get(0).isEmpty()))
				.toList();
		}
		catch (DelimitedTable.UnclosedQuoteException ex) {
			throw new ImportRefusedException(List.of(ex.problem()));
		}
	}

	public static Layout layout(List<Row> table) {
		if (table.size() == 0) {
			throw new ImportRefusedException(List.of(new LineProblem(1, "empty", List.of())));
		}
		List<String> ids = table.get(0).cells();
		if (ids.size() > MAX_COLUMNS) {
			throw new ImportRefusedException(List.of(new LineProblem(1, "tooManyColumns",
					List.of(String.valueOf(ids.size()), String.valueOf(MAX_COLUMNS)))));
		}
		int first = 1;
		boolean qualtrics = table.size() > 2 && table.get(2).cells().stream().anyMatch(c -> c.startsWith("{\"ImportId\""));
		List<String> questions = qualtrics ? table.get(1).cells() : List.of();
		if (qualtrics) {
			first = 3;
		}
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			columns.add(new Column(i, ids.get(i), i < questions.size() ? questions.get(i) : ""));
		}
		return new Layout(columns, first, table.size() - first);
	}

	/** The column each key would map to by default: one whose id or question is the item's id or text. */
	public static Map<String, Integer> suggestedMapping(Layout layout, Map<String, Item> asked) {
		Map<String, Integer> mapping = new LinkedHashMap<>();
		asked.forEach((key, item) -> layout.columns().stream()
			.filter(c -> c.id().equalsIgnoreCase(key) || c.question().strip().equalsIgnoreCase(item.text())
					|| c.question().strip().endsWith(" - " + item.text()))
			.findFirst()
			.ifPresent(c -> mapping.put(key, c.index())));
		return mapping;
	}

	/**
	 * Checks every row of the file, writing nothing.
	 * @throws ImportRefusedException naming every bad row and why
	 */
	public Checked check(Request request) {
		List<Row> table = rows(request.text(), request.delimiter());
		Layout layout = layout(table);
		Map<String, Item> asked = AnswerCheck.asked(request.instrument(), request.wave(), request.retrospective());
		Map<String, Integer> mapping = request.mapping();
		List<LineProblem> problems = new ArrayList<>();
		if (!CohortReader.OWN.equals(request.cohort()) && !isCohortLabel(request.cohort())) {
			problems.add(new LineProblem(0, "badCohort", List.of(request.cohort())));
		}
		else if (!CohortReader.OWN.equals(request.cohort()) && this.labels.isOwn(request.course(), request.cohort())) {
			problems.add(new LineProblem(0, "cohortIsOwn", List.of(request.cohort())));
		}
		mapping.forEach((key, column) -> {
			if (!asked.containsKey(key) || column < 0 || column >= layout.columns().size()) {
				problems.add(new LineProblem(1, "badMapping", List.of(key)));
			}
		});
		int respondentColumn = request.respondentColumn();
		if (respondentColumn < 0 || respondentColumn >= layout.columns().size()) {
			problems.add(new LineProblem(1, "noRespondentColumn", List.of()));
		}
		if (layout.responses() == 0) {
			problems.add(new LineProblem(1, "noRows", List.of()));
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		CourseId course = request.course();
		Set<ByteBuffer> existing = respondents(request, List.of(request.wave()));
		Set<ByteBuffer> otherWave = respondents(request, otherWaves(request.wave()));
		Map<String, Integer> missing = new LinkedHashMap<>();
		mapping.keySet().forEach(key -> missing.put(key, 0));
		Map<String, Integer> codes = new HashMap<>();
		List<CohortWriter.Submitted> responses = new ArrayList<>();
		int paired = 0;
		for (int r = layout.firstDataRow(); r < table.size(); r++) {
			int line = table.get(r).line();
			String code = table.get(r).cell(respondentColumn).strip();
			if (code.isEmpty()) {
				problems.add(new LineProblem(line, "noCode", List.of()));
				continue;
			}
			Integer seen = codes.putIfAbsent(code, line);
			if (seen != null) {
				problems.add(new LineProblem(line, "duplicateCode", List.of(code, String.valueOf(seen))));
				continue;
			}
			byte[] respondent = this.pseudonyms.ofExternal(course, code);
			if (existing.contains(ByteBuffer.wrap(respondent))) {
				problems.add(new LineProblem(line, "alreadyImported", List.of(code, request.wave().label())));
				continue;
			}
			paired += otherWave.contains(ByteBuffer.wrap(respondent)) ? 1 : 0;
			Map<String, String> posted = new LinkedHashMap<>();
			for (Map.Entry<String, Integer> m : mapping.entrySet()) {
				Item item = asked.get(m.getKey());
				String cell = table.get(r).cell(m.getValue());
				if (cell.isBlank()) {
					missing.merge(m.getKey(), 1, Integer::sum);
					continue;
				}
				String value = value(item, cell);
				if (value == null) {
					problems.add(new LineProblem(line, "unknownLabel", List.of(item.text(), cell.strip(), accepted(item))));
				}
				else {
					posted.put(m.getKey(), value);
				}
			}
			try {
				// not a submission: a blank is a missing answer, never a refusal
				Map<String, String> answers = AnswerCheck.check(asked, posted, false);
				responses.add(new CohortWriter.Submitted(respondent, request.instrument().id(), request.wave(), answers));
			}
			catch (AnswersRefusedException ex) {
				for (AnswerProblem p : ex.problems()) {
					Integer column = mapping.get(p.item());
					problems.add(new LineProblem(line, "answer." + p.code(), List.of(
							asked.containsKey(p.item()) ? asked.get(p.item()).text() : p.item(),
							column == null ? "" : table.get(r).cell(column).strip())));
				}
			}
		}
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparingInt(LineProblem::line));
			throw new ImportRefusedException(problems);
		}
		List<Missing> missingPerItem = missing.entrySet().stream()
			.map(e -> new Missing(e.getKey(), asked.get(e.getKey()).text(), e.getValue()))
			.toList();
		List<NotAsked> notAsked = asked.entrySet().stream().filter(e -> !mapping.containsKey(e.getKey()))
			.map(e -> new NotAsked(e.getKey(), e.getValue().text()))
			.toList();
		return new Checked(request, responses,
				new Preview(layout.responses(), responses.size(), paired, missingPerItem, notAsked));
	}

	/**
	 * Starts writing a checked file as a job: its rows all in one transaction, or none. One at a
	 * time per course: each job holds its file in memory, and one waiting for a thread would show
	 * as interrupted.
	 * @return the job's id
	 * @throws ImportRefusedException while another import into the course runs
	 */
	public long start(Checked checked, PersonId startedBy) {
		Request request = checked.request();
		if (this.jobs.running(request.course())) {
			throw new ImportRefusedException(List.of(new LineProblem(0, "jobRunning", List.of())));
		}
		long job = this.jobs.start(request.course(), request.cohort(), request.instrument().id(), request.wave().label(),
				checked.responses().size(), checked.preview().notAsked().stream().map(NotAsked::key).toList(), startedBy);
		this.executor.execute(() -> write(job, checked));
		return job;
	}

	private void write(long job, Checked checked) {
		Request request = checked.request();
		List<CohortWriter.Submitted> responses = checked.responses();
		try {
			this.transactions.executeWithoutResult(tx -> {
				int written = 0;
				for (int from = 0; from < responses.size(); from += CHUNK) {
					List<CohortWriter.Submitted> chunk = responses.subList(from, Math.min(from + CHUNK, responses.size()));
					written += this.writer.write(request.course(), request.cohort(), "IMPORT",
							this.curriculum.contentHash(), chunk);
					this.jobs.progress(job, from + chunk.size());
				}
				this.jobs.done(job, written);
			});
		}
		catch (RuntimeException ex) {
			log.warn("Import job {} failed; nothing was imported", job, ex);
			this.jobs.failed(job, ex.getClass().getSimpleName());
		}
	}

	/** The respondents of this course, cohort and instrument who have one of {@code waves}. */
	private Set<ByteBuffer> respondents(Request request, List<Wave> waves) {
		if (waves.isEmpty()) {
			return Set.of();
		}
		Set<ByteBuffer> respondents = new HashSet<>();
		for (Wave wave : waves) {
			this.jdbc.sql("""
					SELECT respondent FROM assessment_response
					WHERE course_id = ? AND instrument_id = ? AND wave = ? AND cohort = ? AND submitted""")
				.params(request.course().value(), request.instrument().id(), wave.label(), request.cohort())
				.query((rs, n) -> ByteBuffer.wrap(rs.getBytes(1)))
				.list()
				.forEach(respondents::add);
		}
		return respondents;
	}

	/** The waves a response of {@code wave} pairs with: pre with post or follow-up, and back. */
	private static List<Wave> otherWaves(Wave wave) {
		return switch (wave) {
			case PRE -> List.of(Wave.POST, Wave.FOLLOW_UP);
			case POST, FOLLOW_UP -> List.of(Wave.PRE);
			default -> List.of();
		};
	}

	/**
	 * The value to store for a non-blank cell: a number as it is (the answer check tells whether it
	 * is on the scale), or the scale point or option whose label (or option value) the cell is,
	 * ignoring case and runs of spaces; {@code null} for an unknown label.
	 */
	private static String value(Item item, String cell) {
		String value = cell.strip();
		String label = comparable(cell);
		switch (item.type()) {
			case SCALE -> {
				if (INTEGER.matcher(value).matches()) {
					return value;
				}
				for (int v = 1; v <= item.scale().points(); v++) {
					if (comparable(item.scale().label(v)).equals(label)) {
						return String.valueOf(v);
					}
				}
				return null;
			}
			case CHOICE -> {
				for (Instrument.Option o : item.options()) {
					if (comparable(o.label()).equals(label) || comparable(o.value()).equals(label)) {
						return o.value();
					}
				}
				return null;
			}
			default -> {
				return cell;
			}
		}
	}

	private static String comparable(String text) {
		return SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
	}

	/** The labels a cell may hold for the item, as staff read them in a refusal. */
	private static String accepted(Item item) {
		return switch (item.type()) {
			case SCALE -> String.join("; ", java.util.stream.IntStream.rangeClosed(1, item.scale().points())
				.mapToObj(v -> v + " " + item.scale().label(v)).toList());
			case CHOICE -> String.join("; ", item.options().stream().map(Instrument.Option::label).toList());
			default -> "";
		};
	}

}
