package org.coachapproach.series.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.LineProblem;
import org.coachapproach.CsvDownload;
import org.coachapproach.SpreadsheetCsv;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.series.ScheduledSession;
import org.coachapproach.series.SeriesSchedule;
import org.coachapproach.people.Member;
import org.coachapproach.people.RefusedException;
import org.coachapproach.series.Attendance;
import org.coachapproach.series.AttendanceFigures;
import org.coachapproach.series.AttendanceFigures.SessionAttendance;
import org.coachapproach.series.AttendanceImport;
import org.coachapproach.series.FacultyRank;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff's CFDS attendance report: sessions held, unique attendees, mean and range per session,
 * attendance by rank, the top ten, a bar chart with its data table; CSV and JSON exports; and
 * the import of a session's Zoom or Teams attendance report. Staff only: attendance is shown
 * as counts, but who attended is nobody else's business.
 */
@Controller
class AttendanceController {

	/** Excel reads UTF-8 only with a byte order mark; other programs skip it. */
	private static final String BOM = "\uFEFF";

	/** Chart geometry: one bar per session. */
	static final int BAR_HEIGHT = 16;

	static final int BAR_GAP = 4;

	static final int LABEL_WIDTH = 110;

	static final int PLOT_WIDTH = 420;

	private final Attendance attendance;

	private final SeriesSchedule schedule;

	private final MessageSource messages;

	AttendanceController(Attendance attendance, SeriesSchedule schedule, MessageSource messages) {
		this.schedule = schedule;
		this.attendance = attendance;
		this.messages = messages;
	}

	@GetMapping("/series/attendance")
	String report(@RequestParam(name = "year", required = false) String year, Member member, Locale locale,
			Model model) {
		requireProgramStaff(member);
		return page(member, year(year), null, locale, model);
	}

	@PostMapping("/series/attendance/import")
	String importReport(@RequestParam(name = "session", required = false) String seriesSessionId,
			@RequestParam(name = "file", required = false) MultipartFile file, Member member,
			HttpServletResponse response, Locale locale, Model model) {
		requireProgramStaff(member);
		// The program's own schedule: sessions staff added in the tool as well as the files' ones.
		SeriesSession target = seriesSessionId == null ? null
				: this.schedule.find(member.program(), seriesSessionId).map(ScheduledSession::session).orElse(null);
		AttendanceImport result;
		if (target == null) {
			result = new AttendanceImport(seriesSessionId, null, 0, 0, 0,
					List.of(LineProblem.of(0, "noSession")));
		}
		else if (file == null || file.isEmpty()) {
			result = new AttendanceImport(seriesSessionId, null, 0, 0, 0,
					List.of(LineProblem.of(0, "noFile")));
		}
		else {
			result = this.attendance.importReport(member.program(), target.id(), bytes(file));
		}
		if (!result.imported()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		String year = target == null ? year(null) : target.academicYear();
		model.addAttribute("importedTitle", target == null ? null : target.title());
		return page(member, year, result, locale, model);
	}

	/** Not a ResponseEntity: a refusal is the error page, as for the report whose link this is. */
	@GetMapping("/series/attendance.csv")
	Object csv(@RequestParam(name = "year", required = false) String year, Member member, Locale locale) {
		requireProgramStaff(member);
		AttendanceFigures figures = this.attendance.figures(member.program(), year(year));
		StringBuilder csv = new StringBuilder(BOM);
		csv.append(SpreadsheetCsv.line(List.of(text("series.attendance.column.date", locale),
				text("series.attendance.column.id", locale), text("series.attendance.column.session", locale),
				text("series.attendance.column.attendees", locale))));
		for (SessionAttendance s : figures.sessions()) {
			csv.append(SpreadsheetCsv.line(List.of(s.date().toString(), s.seriesSessionId(), s.title(),
					Integer.toString(s.attendees()))));
		}
		return CsvDownload.of("cfds-attendance-" + figures.academicYear() + ".csv", csv);
	}

	/** Not a ResponseEntity: a refusal is the error page, as for the report whose link this is. */
	@GetMapping("/series/attendance.json")
	Object json(@RequestParam(name = "year", required = false) String year, Member member) {
		requireProgramStaff(member);
		AttendanceFigures f = this.attendance.figures(member.program(), year(year));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("academicYear", f.academicYear());
		body.put("synthetic", f.synthetic());
		body.put("sessionsHeld", f.sessionsHeld());
		body.put("uniqueAttendees", f.uniqueAttendees());
		body.put("attendances", f.attendances());
		body.put("meanPerSession", Double.isNaN(f.meanPerSession()) ? null : f.meanPerSession());
		body.put("minPerSession", f.minPerSession());
		body.put("maxPerSession", f.maxPerSession());
		Map<String, Integer> ranks = new LinkedHashMap<>();
		f.byRank().forEach((rank, count) -> ranks.put(rank.name(), count));
		ranks.put("UNKNOWN", f.rankUnknown());
		body.put("byRank", ranks);
		body.put("sessions", f.sessions().stream().map(AttendanceController::json).toList());
		body.put("topSessions", f.topSessions().stream().map(AttendanceController::json).toList());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("cfds-attendance-" + f.academicYear() + ".json")
				.build()
				.toString())
			.body(body);
	}

	private String page(Member member, String year, AttendanceImport result, Locale locale, Model model) {
		AttendanceFigures figures = this.attendance.figures(member.program(), year);
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		model.addAttribute("figures", figures);
		model.addAttribute("years", this.attendance.academicYears());
		model.addAttribute("year", figures.academicYear());
		model.addAttribute("mean", Double.isNaN(figures.meanPerSession()) ? null
				: String.format(locale, "%.1f", figures.meanPerSession()));
		model.addAttribute("ranks", ranks(figures));
		model.addAttribute("rows", figures.sessions().stream()
			.map(s -> new Row(s, dates.format(s.date())))
			.toList());
		model.addAttribute("top", figures.topSessions().stream()
			.map(s -> new Row(s, dates.format(s.date())))
			.toList());
		model.addAttribute("chart", Chart.of(figures.sessions(), dates));
		model.addAttribute("importable", this.schedule.held(member.program()).stream()
			.filter(s -> s.academicYear().equals(figures.academicYear()))
			.toList());
		model.addAttribute("result", result);
		return "series/attendance";
	}

	/** Unique attendees per rank, with the share of all unique attendees. */
	private static List<RankRow> ranks(AttendanceFigures figures) {
		List<RankRow> rows = new ArrayList<>();
		for (FacultyRank rank : FacultyRank.values()) {
			rows.add(RankRow.of("series.rank." + rank.name(), figures.byRank().get(rank), figures.uniqueAttendees()));
		}
		rows.add(RankRow.of("series.rank.UNKNOWN", figures.rankUnknown(), figures.uniqueAttendees()));
		return rows;
	}

	/** A row of a rank table. */
	record RankRow(String key, int count, long percent) {

		static RankRow of(String key, int count, int total) {
			return new RankRow(key, count, total == 0 ? 0 : Math.round(100.0 * count / total));
		}

	}

	/** A session's attendance with its date as shown. */
	record Row(SessionAttendance session, String date) {
	}

	/** The bar chart: one horizontal bar per session, geometry computed here so the template only places it. */
	record Chart(int width, int height, int labelWidth, List<Bar> bars) {

		record Bar(String label, String title, int value, int y, int width, int textY, int valueX) {
		}

		static Chart of(List<SessionAttendance> sessions, DateTimeFormatter dates) {
			int max = Math.max(1, sessions.stream().mapToInt(SessionAttendance::attendees).max().orElse(1));
			List<Bar> bars = new ArrayList<>();
			for (int i = 0; i < sessions.size(); i++) {
				SessionAttendance s = sessions.get(i);
				int y = i * (BAR_HEIGHT + BAR_GAP);
				int width = (int) Math.round((double) PLOT_WIDTH * s.attendees() / max);
				bars.add(new Bar(dates.format(s.date()), s.title(), s.attendees(), y, width, y + BAR_HEIGHT - 4,
						LABEL_WIDTH + width + 4));
			}
			return new Chart(LABEL_WIDTH + PLOT_WIDTH + 40, Math.max(BAR_HEIGHT, bars.size() * (BAR_HEIGHT + BAR_GAP)),
					LABEL_WIDTH, bars);
		}

	}

	private static Map<String, Object> json(SessionAttendance s) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("seriesSessionId", s.seriesSessionId());
		row.put("date", s.date().toString());
		row.put("title", s.title());
		row.put("attendees", s.attendees());
		return row;
	}

	private String year(String requested) {
		List<String> years = this.attendance.academicYears();
		if (requested != null && years.contains(requested)) {
			return requested;
		}
		return years.isEmpty() ? "" : years.get(0);
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void requireProgramStaff(Member member) {
		if (!member.isProgramStaff()) {
			throw new RefusedException("series.refused.staffOnly");
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
