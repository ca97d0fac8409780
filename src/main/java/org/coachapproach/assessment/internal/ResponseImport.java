package org.coachapproach.assessment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an earlier cohort's responses from a survey platform's CSV export (Qualtrics'
 * layout: a row of column ids, then optionally a row of question texts and a row of
 * {@code {"ImportId":…}}, then one row per response). Staff map columns to items; every row
 * is checked before anything is written, and one bad row imports nothing. Respondents are
 * stored under a pseudonym of the file's respondent code (the column that links pre to post).
 */
@Service
public class ResponseImport {

	private final Pseudonyms pseudonyms;

	private final CohortWriter writer;

	private final Curriculum curriculum;

	private final JdbcClient jdbc;

	ResponseImport(Pseudonyms pseudonyms, CohortWriter writer, Curriculum curriculum, JdbcClient jdbc) {
		this.pseudonyms = pseudonyms;
		this.writer = writer;
		this.curriculum = curriculum;
		this.jdbc = jdbc;
	}

	/** The file's columns as staff map them: id (first row) and question text (second row, when Qualtrics'). */
	public record Column(int index, String id, String question) {
	}

	/** The file's columns, and where its responses start. */
	public record Layout(List<Column> columns, int firstDataRow, int responses) {
	}

	/** One reason a row was refused; {@code code} names a message {@code assessment.import.problem.<code>}. */
	public record RowProblem(int line, String code, List<String> args) {
	}

	public static class ImportRefusedException extends RuntimeException {

		private final List<RowProblem> problems;

		public ImportRefusedException(List<RowProblem> problems) {
			super(problems.size() + " problems");
			this.problems = List.copyOf(problems);
		}

		public List<RowProblem> problems() {
			return this.problems;
		}

	}

	public static Layout layout(CsvTable table) {
		if (table.size() == 0) {
			throw new ImportRefusedException(List.of(new RowProblem(1, "empty", List.of())));
		}
		List<String> ids = table.row(0);
		int first = 1;
		boolean qualtrics = table.size() > 2 && table.row(2).stream().anyMatch(c -> c.startsWith("{\"ImportId\""));
		List<String> questions = qualtrics ? table.row(1) : List.of();
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
	 * Imports every response row, or none.
	 * @param mapping answer key to column index; unmapped keys stay unanswered
	 * @return responses imported
	 * @throws ImportRefusedException naming every bad row and why
	 */
	@Transactional
	public int importResponses(CourseId course, Instrument instrument, Wave wave, boolean retrospective, String csv,
			int respondentColumn, Map<String, Integer> mapping) {
		CsvTable table = CsvTable.parse(csv);
		Layout layout = layout(table);
		Map<String, Item> asked = AnswerCheck.asked(instrument, wave, retrospective);
		List<RowProblem> problems = new ArrayList<>();
		mapping.forEach((key, column) -> {
			if (!asked.containsKey(key) || column < 0 || column >= layout.columns().size()) {
				problems.add(new RowProblem(1, "badMapping", List.of(key)));
			}
		});
		if (respondentColumn < 0 || respondentColumn >= layout.columns().size()) {
			problems.add(new RowProblem(1, "noRespondentColumn", List.of()));
		}
		if (layout.responses() == 0) {
			problems.add(new RowProblem(1, "noRows", List.of()));
		}
		if (!problems.isEmpty()) {
			throw new ImportRefusedException(problems);
		}
		Map<String, Integer> codes = new HashMap<>();
		List<CohortWriter.Submitted> responses = new ArrayList<>();
		for (int r = layout.firstDataRow(); r < table.size(); r++) {
			int line = table.line(r);
			String code = table.cell(r, respondentColumn).strip();
			if (code.isEmpty()) {
				problems.add(new RowProblem(line, "noCode", List.of()));
				continue;
			}
			Integer seen = codes.putIfAbsent(code, line);
			if (seen != null) {
				problems.add(new RowProblem(line, "duplicateCode", List.of(code, String.valueOf(seen))));
				continue;
			}
			Map<String, String> posted = new LinkedHashMap<>();
			for (Map.Entry<String, Integer> m : mapping.entrySet()) {
				posted.put(m.getKey(), normalised(asked.get(m.getKey()), table.cell(r, m.getValue())));
			}
			try {
				Map<String, String> answers = AnswerCheck.check(asked, posted, true);
				responses.add(new CohortWriter.Submitted(this.pseudonyms.ofExternal(course, code), instrument.id(), wave,
						answers));
			}
			catch (AnswersRefusedException ex) {
				for (AnswerProblem p : ex.problems()) {
					Integer column = mapping.get(p.item());
					problems.add(new RowProblem(line, "answer." + p.code(), List.of(
							asked.containsKey(p.item()) ? asked.get(p.item()).text() : p.item(),
							column == null ? "" : table.cell(r, column))));
				}
			}
		}
		for (CohortWriter.Submitted response : responses) {
			boolean exists = this.jdbc.sql("""
					SELECT COUNT(*) FROM assessment_response WHERE course_id = ? AND instrument_id = ? AND respondent = ? AND wave = ? AND cohort = ''""")
				.params(course.value(), instrument.id(), response.respondent(), wave.label())
				.query(Integer.class)
				.single() > 0;
			if (exists) {
				String code = codes.entrySet().stream()
					.filter(e -> java.util.Arrays.equals(this.pseudonyms.ofExternal(course, e.getKey()), response.respondent()))
					.map(Map.Entry::getKey)
					.findFirst()
					.orElse("");
				problems.add(new RowProblem(codes.getOrDefault(code, 0), "alreadyImported", List.of(code, wave.label())));
			}
		}
		if (!problems.isEmpty()) {
			problems.sort(java.util.Comparator.comparingInt(RowProblem::line));
			throw new ImportRefusedException(problems);
		}
		return this.writer.write(course, "IMPORT", this.curriculum.contentHash(), responses);
	}

	/** Accepts a scale point's number or its label, and a choice's value or its label. */
	private static String normalised(Item item, String cell) {
		String value = cell.strip();
		if (value.isEmpty() || item == null) {
			return value;
		}
		switch (item.type()) {
			case SCALE -> {
				for (int v = 1; v <= item.scale().points(); v++) {
					if (item.scale().label(v).equalsIgnoreCase(value)) {
						return String.valueOf(v);
					}
				}
			}
			case CHOICE -> {
				for (Instrument.Option o : item.options()) {
					if (o.label().equalsIgnoreCase(value) || o.value().equalsIgnoreCase(value.toLowerCase(Locale.ROOT))) {
						return o.value();
					}
				}
			}
			case TEXT -> {
			}
		}
		return value;
	}

}
