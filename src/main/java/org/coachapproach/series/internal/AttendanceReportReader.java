package org.coachapproach.series.internal;

import java.nio.charset.CharacterCodingException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachapproach.DelimitedTable;
import org.coachapproach.DelimitedTable.Row;
import org.coachapproach.LineProblem;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.series.AttendanceImport.Format;
import org.coachapproach.series.FacultyRank;

/**
 * Reads a video platform's attendance report for one CFDS session: Zoom's "Participants"
 * export (a participants table, optionally under the meeting summary table) or Microsoft
 * Teams' attendance report (sections "1. Summary", "2. Participants", …; UTF-16, tab-separated).
 * Rows of one attendee (every rejoin is a row in Zoom) become one attendee with the minutes
 * summed and the earliest join. Every bad row is reported; the caller imports nothing then.
 * An optional "Rank" column (added by staff, or a registration question) gives faculty rank.
 */
public final class AttendanceReportReader {

	/** Refuse anything larger: a session's report is a few kilobytes. */
	public static final int MAX_ROWS = 20_000;

	/** One attendee of the session, as the report shows them. */
	public record Attendee(String key, FacultyRank rank, Instant firstSeen, Integer minutes) {
	}

	/** What the file says, or why it cannot be imported. */
	public record Result(Format format, List<Attendee> attendees, int skipped, List<LineProblem> problems) {
	}

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern HMS = Pattern
		.compile("(?:(\\d{1,3})\\s*h)?\\s*(?:(\\d{1,4})\\s*m(?:in)?)?\\s*(?:(\\d{1,6})\\s*s)?");

	private static final Pattern CLOCK = Pattern.compile("(\\d{1,3}):(\\d{2}):(\\d{2})");

	private static final Pattern SECTION = Pattern.compile("\\d+\\.\\s.*");

	private static final List<DateTimeFormatter> TIMES = List.of(pattern("M/d/yyyy h:mm:ss a"),
			pattern("M/d/yyyy H:mm:ss"), pattern("M/d/yyyy h:mm a"), pattern("M/d/yyyy H:mm"),
			pattern("M/d/yy, h:mm:ss a"), pattern("M/d/yyyy, h:mm:ss a"), pattern("M/d/yy h:mm:ss a"),
			pattern("M/d/yy, H:mm:ss"), pattern("yyyy-MM-dd HH:mm:ss"), pattern("yyyy-MM-dd'T'HH:mm:ss"),
			pattern("yyyy-MM-dd HH:mm"));

	private static final int MAX_MINUTES_PER_ROW = 24 * 60;

	private AttendanceReportReader() {
	}

	/** Reads the report of {@code session}; times without a zone are in the session's zone. */
	public static Result read(byte[] bytes, SeriesSession session) {
		String text;
		try {
			text = DelimitedTable.text(bytes).replace('\u202F', ' ').replace('\u00A0', ' ');
		}
		catch (CharacterCodingException ex) {
			return refused(null, LineProblem.of(0, "notText"));
		}
		Header header = findHeader(text);
		if (header == null) {
			return refused(null, LineProblem.of(0, "noTable"));
		}
		List<Row> rows;
		try {
			rows = DelimitedTable.read(text, header.delimiter(), header.line());
		}
		catch (DelimitedTable.UnclosedQuoteException ex) {
			return refused(header.format(), ex.problem());
		}
		List<String> names = rows.get(0).cells().stream().map(AttendanceReportReader::headerName).toList();
		Columns columns = header.format() == Format.ZOOM ? Columns.zoom(names) : Columns.teams(names);
		List<LineProblem> problems = new ArrayList<>();
		Map<String, Partial> byKey = new LinkedHashMap<>();
		int skipped = 0;
		int count = 0;
		for (Row row : rows.subList(1, rows.size())) {
			if (header.format() == Format.TEAMS && (row.blank() || SECTION.matcher(cell(row, 0)).matches())) {
				break;
			}
			if (row.blank()) {
				continue;
			}
			if (++count > MAX_ROWS) {
				return refused(header.format(), LineProblem.of(0, "tooManyRows", MAX_ROWS));
			}
			if ("yes".equalsIgnoreCase(cell(row, columns.waitingRoom()))) {
				skipped++;
				continue;
			}
			readRow(row, names.size(), columns, header.format(), session, byKey, problems);
		}
		if (problems.isEmpty() && byKey.isEmpty()) {
			problems.add(LineProblem.of(0, "noRows"));
		}
		if (!problems.isEmpty()) {
			return new Result(header.format(), List.of(), skipped, problems);
		}
		List<Attendee> attendees = byKey.entrySet().stream()
			.map(e -> new Attendee(e.getKey(), e.getValue().rank, e.getValue().firstSeen, e.getValue().minutes()))
			.toList();
		return new Result(header.format(), attendees, skipped, List.of());
	}

	private static void readRow(Row row, int width, Columns columns, Format format,
			SeriesSession session, Map<String, Partial> byKey, List<LineProblem> problems) {
		List<LineProblem> why = new ArrayList<>();
		int line = row.line();
		int filled = row.cells().size();
		while (filled > width && row.cells().get(filled - 1).isBlank()) {
			filled--;
		}
		if (filled != width) {
			problems.add(LineProblem.of(line, "fieldCount", row.cells().size(), width));
			return;
		}
		String name = cell(row, columns.name());
		String email = cell(row, columns.email());
		if (email.isEmpty() && EMAIL.matcher(cell(row, columns.upn())).matches()) {
			email = cell(row, columns.upn());
		}
		if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
			why.add(LineProblem.of(line, "badEmail", email));
		}
		if (name.isEmpty() && email.isEmpty()) {
			why.add(LineProblem.of(line, "noNameOrEmail"));
		}
		Instant join = null;
		if (columns.join() >= 0) {
			join = time(cell(row, columns.join()), session, line, "join", why);
		}
		if (join != null && columns.leave() >= 0 && !cell(row, columns.leave()).isEmpty()) {
			Instant leave = time(cell(row, columns.leave()), session, line, "leave", why);
			if (leave != null && leave.isBefore(join)) {
				why.add(LineProblem.of(line, "leavesBeforeJoining", cell(row, columns.leave()), cell(row, columns.join())));
			}
		}
		if (join != null) {
			long days = Math.abs(ChronoUnit.DAYS.between(session.date(),
					join.atZone(session.timeZone()).toLocalDate()));
			if (days > 1) {
				why.add(LineProblem.of(line, "otherDay", join.atZone(session.timeZone()).toLocalDate(), session.date()));
			}
		}
		Integer seconds = seconds(cell(row, columns.duration()), format, line, why);
		FacultyRank rank = null;
		String rankText = cell(row, columns.rank());
		if (!rankText.isEmpty()) {
			rank = FacultyRank.parse(rankText).orElse(null);
			if (rank == null) {
				why.add(LineProblem.of(line, "badRank", rankText));
			}
		}
		if (!why.isEmpty()) {
			problems.addAll(why);
			return;
		}
		String key = email.isEmpty() ? "n:" + cut(fold(name)) : "e:" + cut(email.toLowerCase(Locale.ROOT));
		Partial partial = byKey.computeIfAbsent(key, k -> new Partial());
		if (partial.rank != null && rank != null && partial.rank != rank) {
			problems.add(LineProblem.of(line, "rankDiffers", rank.name().toLowerCase(Locale.ROOT), partial.rankLine,
					partial.rank.name().toLowerCase(Locale.ROOT)));
			return;
		}
		if (rank != null && partial.rank == null) {
			partial.rank = rank;
			partial.rankLine = row.line();
		}
		Instant seen = join != null ? join : session.startsAt().toInstant();
		partial.firstSeen = partial.firstSeen == null || seen.isBefore(partial.firstSeen) ? seen : partial.firstSeen;
		if (seconds != null) {
			partial.seconds = (partial.seconds == null ? 0 : partial.seconds) + seconds;
		}
	}

	private static Instant time(String text, SeriesSession session, int line, String what, List<LineProblem> why) {
		if (text.isEmpty()) {
			why.add(LineProblem.of(line, what + "Missing"));
			return null;
		}
		for (DateTimeFormatter format : TIMES) {
			try {
				return LocalDateTime.parse(text, format).atZone(session.timeZone()).toInstant();
			}
			catch (DateTimeParseException ex) {
				// try the next layout
			}
		}
		why.add(LineProblem.of(line, what + "NotTime", text));
		return null;
	}

	/** Zoom: whole minutes; Teams: "1h 4m 21s" (or hh:mm:ss). Blank = not known. */
	private static Integer seconds(String text, Format format, int line, List<LineProblem> why) {
		if (text.isEmpty()) {
			return null;
		}
		long seconds = -1;
		if (format == Format.ZOOM) {
			if (text.matches("\\d{1,6}")) {
				seconds = Long.parseLong(text) * 60;
			}
		}
		else {
			Matcher clock = CLOCK.matcher(text);
			Matcher hms = HMS.matcher(text.toLowerCase(Locale.ROOT));
			if (clock.matches()) {
				seconds = Long.parseLong(clock.group(1)) * 3600 + Long.parseLong(clock.group(2)) * 60
						+ Long.parseLong(clock.group(3));
			}
			else if (hms.matches() && (hms.group(1) != null || hms.group(2) != null || hms.group(3) != null)) {
				seconds = number(hms.group(1)) * 3600 + number(hms.group(2)) * 60 + number(hms.group(3));
			}
		}
		if (seconds < 0) {
			why.add(LineProblem.of(line, format == Format.ZOOM ? "durationNotMinutes" : "durationNotHms", text));
			return null;
		}
		if (seconds > MAX_MINUTES_PER_ROW * 60L) {
			why.add(LineProblem.of(line, "durationOverDay", text));
			return null;
		}
		return (int) seconds;
	}

	private static long number(String digits) {
		return digits == null ? 0 : Long.parseLong(digits);
	}

	/** The header line: the first that names a participants table's columns. */
	private static Header findHeader(String text) {
		String[] lines = text.split("\r\n|\r|\n", -1);
		for (int i = 0; i < lines.length; i++) {
			for (char delimiter : new char[] { '\t', ',' }) {
				if (lines[i].indexOf(delimiter) < 0) {
					continue;
				}
				List<String> names = List.of(lines[i].split(delimiter == '\t' ? "\t" : ",", -1)).stream()
					.map(AttendanceReportReader::headerName)
					.toList();
				if (Columns.teams(names).complete()) {
					return new Header(Format.TEAMS, delimiter, i + 1);
				}
				if (Columns.zoom(names).complete()) {
					return new Header(Format.ZOOM, delimiter, i + 1);
				}
			}
		}
		return null;
	}

	private static String headerName(String cell) {
		String name = cell.strip();
		if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
			name = name.substring(1, name.length() - 1).strip();
		}
		return name.toLowerCase(Locale.ROOT);
	}

	/** Names compared case- and accent-insensitively, spaces collapsed. */
	static String fold(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT)
			.strip()
			.replaceAll("\\s+", " ");
	}

	private static String cut(String key) {
		return key.length() <= 320 ? key : key.substring(0, 320);
	}

	private static DateTimeFormatter pattern(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.US);
	}

	private static String cell(Row row, int index) {
		return row.cell(index).strip();
	}

	private static Result refused(Format format, LineProblem problem) {
		return new Result(format, List.of(), 0, List.of(problem));
	}

	private record Header(Format format, char delimiter, int line) {
	}

	/** Column positions (-1 = absent). */
	private record Columns(int name, int email, int upn, int join, int leave, int duration, int waitingRoom, int rank,
			boolean complete) {

		static Columns zoom(List<String> names) {
			int name = first(names, "name (original name)", "name");
			int duration = first(names, "duration (minutes)", "total duration (minutes)");
			return new Columns(name, first(names, "user email", "email"), -1, first(names, "join time"),
					first(names, "leave time"), duration, first(names, "in waiting room"), rank(names),
					name >= 0 && duration >= 0);
		}

		static Columns teams(List<String> names) {
			int name = first(names, "name", "full name");
			int join = first(names, "first join");
			int duration = first(names, "in-meeting duration");
			return new Columns(name, first(names, "email"), first(names, "participant id (upn)"), join,
					first(names, "last leave"), duration, -1, rank(names), name >= 0 && join >= 0 && duration >= 0);
		}

		private static int rank(List<String> names) {
			return first(names, "rank", "faculty rank", "academic rank");
		}

		private static int first(List<String> names, String... wanted) {
			for (String w : wanted) {
				int at = names.indexOf(w);
				if (at >= 0) {
					return at;
				}
			}
			return -1;
		}

	}

	private static final class Partial {

		FacultyRank rank;

		int rankLine;

		Instant firstSeen;

		Integer seconds;

		Integer minutes() {
			return this.seconds == null ? null : (int) Math.round(this.seconds / 60.0);
		}

	}

}
