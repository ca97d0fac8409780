package org.coachapproach.outreach;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.coachapproach.DelimitedTable;
import org.coachapproach.DelimitedTable.Row;
import org.coachapproach.LineProblem;
import org.coachapproach.outreach.internal.FacultyRows;
import org.coachapproach.people.ProgramId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list of all clinical faculty, imported by staff from CSV ({@code name,email,division,rank}).
 * Every row is checked; a file with any bad row imports nothing and the report names each bad
 * line, so the list is always exactly one whole, valid file (staff fix the file and import it
 * again, rather than wonder which half of it is in). An import replaces the program's previous
 * list; each program has its own.
 */
@Service
public class FacultyList {

	/** The most rows one import takes (the department had 446 faculty; this leaves room for a school). */
	public static final int MAX_ROWS = 20_000;

	static final List<String> HEADER = List.of("name", "email", "division", "rank");

	static final Set<String> RANKS = Set.of("assistant", "associate", "full");

	/** One member of the faculty list. */
	public record Faculty(String name, String email, String division, String rank) {

		public Recipient recipient() {
			return new Recipient(this.email, this.name, null);
		}

	}

	/** What an import did: the rows taken, or the problems that stopped it. */
	public record ImportResult(int imported, List<LineProblem> problems) {

		public boolean succeeded() {
			return this.problems.isEmpty();
		}

	}

	private final FacultyRows faculty;

	private final Clock clock;

	FacultyList(FacultyRows faculty, Clock clock) {
		this.faculty = faculty;
		this.clock = clock;
	}

	/** Validates the whole file; imports it (replacing the list) only when every row is valid. */
	@Transactional
	public ImportResult importCsv(ProgramId program, Reader csv) throws IOException {
		List<LineProblem> problems = new ArrayList<>();
		List<Faculty> rows = parse(csv, problems);
		if (!problems.isEmpty()) {
			return new ImportResult(0, problems);
		}
		this.faculty.replace(program.value(), rows, this.clock.instant());
		return new ImportResult(rows.size(), List.of());
	}

	public List<Faculty> all(ProgramId program) {
		return this.faculty.all(program.value());
	}

	public int size(ProgramId program) {
		return this.faculty.size(program.value());
	}

	private static List<Faculty> parse(Reader csv, List<LineProblem> problems) throws IOException {
		StringWriter text = new StringWriter();
		csv.transferTo(text);
		List<Row> lines;
		try {
			lines = DelimitedTable.read(text.toString(), ',');
		}
		catch (DelimitedTable.UnclosedQuoteException ex) {
			problems.add(ex.problem());
			return List.of();
		}
		if (lines.isEmpty()) {
			problems.add(LineProblem.of(1, "empty"));
			return List.of();
		}
		List<String> header = lines.get(0).cells().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
		if (!header.equals(HEADER)) {
			problems.add(LineProblem.of(1, "header", String.join(",", lines.get(0).cells())));
			return List.of();
		}
		if (lines.size() - 1 > MAX_ROWS) {
			problems.add(LineProblem.of(MAX_ROWS + 2, "tooManyRows", MAX_ROWS));
			return List.of();
		}
		List<Faculty> rows = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Row row : lines.subList(1, lines.size())) {
			int line = row.line();
			List<String> cells = row.cells();
			if (cells.size() == 1 && row.blank()) {
				continue;
			}
			if (cells.size() != 4) {
				problems.add(LineProblem.of(line, "fieldCount", cells.size()));
				continue;
			}
			String name = cells.get(0).strip();
			String email = cells.get(1).strip();
			String division = cells.get(2).strip();
			String rank = cells.get(3).strip().toLowerCase(Locale.ROOT);
			int before = problems.size();
			if (name.isEmpty() || name.length() > 255) {
				problems.add(LineProblem.of(line, "name"));
			}
			if (!MailOutbox.isAddress(email)) {
				problems.add(LineProblem.of(line, "email", email));
			}
			if (division.isEmpty() || division.length() > 255) {
				problems.add(LineProblem.of(line, "division"));
			}
			if (!RANKS.contains(rank)) {
				problems.add(LineProblem.of(line, "rank", cells.get(3).strip()));
			}
			Integer first = seen.putIfAbsent(email.toLowerCase(Locale.ROOT), line);
			if (first != null && !email.isEmpty()) {
				problems.add(LineProblem.of(line, "duplicate", email, first));
			}
			if (problems.size() == before) {
				rows.add(new Faculty(name, email, division, rank));
			}
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(LineProblem.of(2, "noRows"));
		}
		return rows;
	}

}
