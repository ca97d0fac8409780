package org.coachapproach.curriculum;

import org.coachapproach.curriculum.internal.CurriculumLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads the real CFDS catalog, then breaks a copy of it one way at a time. */
class SeriesCatalogTests {

	private static final String FILE = "series/2022-2023.yml";

	@TempDir
	Path copy;

	@BeforeEach
	void copyRealCurriculum() throws IOException {
		CurriculumCopy.into(this.copy);
	}

	@Test
	void shouldLoadTheRealSeriesOf39WeeklySessionsCoveringEveryCategory() {
		Curriculum curriculum = CurriculumLoader.load(Path.of("curriculum"));

		List<SeriesSession> series = curriculum.series();
		assertThat(series).hasSize(39);
		assertThat(series).allSatisfy(s -> {
			assertThat(s.date().getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
			assertThat(s.startTime()).isEqualTo(LocalTime.NOON);
			assertThat(s.durationMinutes()).isEqualTo(60);
			assertThat(s.academicYear()).isEqualTo("2022-2023");
			assertThat(s.example()).isTrue();
			assertThat(s.summary()).contains(". ");
		});
		assertThat(series.get(0).date()).isAfterOrEqualTo(LocalDate.of(2022, 9, 1));
		assertThat(series.get(38).date()).isBefore(LocalDate.of(2023, 7, 1));
		assertThat(series).extracting(SeriesSession::date).isSorted().doesNotHaveDuplicates();
		assertThat(EnumSet.copyOf(series.stream().map(SeriesSession::category).toList()))
			.isEqualTo(EnumSet.allOf(SeriesCategory.class));
		assertThat(series).extracting(SeriesSession::title)
			.anyMatch(t -> t.contains("Time management"))
			.anyMatch(t -> t.contains("promotion"))
			.anyMatch(t -> t.contains("burnout"))
			.anyMatch(t -> t.contains("woman in medicine"))
			.anyMatch(t -> t.contains("anti-racist"))
			.anyMatch(t -> t.contains("fulfilled"))
			.anyMatch(t -> t.contains("Learning climate"))
			.anyMatch(t -> t.contains("clinical reasoning"))
			.anyMatch(t -> t.contains("professional goals"))
			.anyMatch(t -> t.contains("Public speaking"));
		assertThat(series).filteredOn(s -> !s.recorded()).isNotEmpty();
		assertThat(series).filteredOn(s -> s.player() == SeriesSession.Player.VIDEO).isNotEmpty()
			.allSatisfy(s -> assertThat(s.captionsUrl()).endsWith(".vtt"));
		assertThat(curriculum.seriesSession("cfds-2022-09-13")).map(SeriesSession::title)
			.hasValue("Time management and organisation skills");
	}

	@Test
	void shouldReportADateThatDoesNotParseWithFileAndLine() throws IOException {
		int line = replaceFirst("date: 2022-10-04", "date: 2022-10-40");

		assertThat(problems()).anySatisfy(p -> assertProblem(p, line, "'date' must be a date like 2022-09-13, not '2022-10-40'"));
	}

	@Test
	void shouldReportADateOutsideTheAcademicYear() throws IOException {
		int line = replaceFirst("date: 2022-10-04", "date: 2024-10-04");

		assertThat(problems()).anySatisfy(p -> assertProblem(p, line, "date 2024-10-04 is outside the academic year 2022-2023"));
	}

	@Test
	void shouldReportAnUnknownCategory() throws IOException {
		int line = replaceFirst("category: teaching", "category: cooking");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo(FILE);
			assertThat(p.line()).isEqualTo(line);
			assertThat(p.message()).startsWith("unknown category 'cooking'");
		});
	}

	@Test
	void shouldReportARecordingHostNotOnTheAllowList() throws IOException {
		int line = replaceFirst("recordingUrl: \"https://player.vimeo.com/video/",
				"recordingUrl: \"https://videos.evil.example/embed/123\"");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo(FILE);
			assertThat(p.line()).isEqualTo(line);
			assertThat(p.message()).startsWith("recording host 'videos.evil.example' is not on the allow-list");
		});
	}

	@Test
	void shouldRefuseAPlainHttpRecording() throws IOException {
		int line = replaceFirst("recordingUrl: \"https://www.youtube-nocookie.com/",
				"recordingUrl: \"http://www.youtube-nocookie.com/embed/abc\"");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.line()).isEqualTo(line);
			assertThat(p.message()).startsWith("recording URL must be an https address");
		});
	}

	@Test
	void shouldRequireWebVttCaptionsForAnMp4() throws IOException {
		int recordingLine = lineOf(".mp4\"");
		replaceFirst("captionsUrl:", "");

		assertThat(problems()).anySatisfy(
				p -> assertProblem(p, recordingLine, "an .mp4 recording needs a captionsUrl to a WebVTT (.vtt) file"));
	}

	@Test
	void shouldRefuseARecordingWithoutThePresentersPermission() throws IOException {
		int line = lineOf("recordingUrl: \"https://www.youtube-nocookie.com/embed/EX43f434511\"");
		replaceFirst("cfds-2022-09-13-transcript.html", "permissionToRecord: false");

		assertThat(problems()).anySatisfy(p -> assertProblem(p, line,
				"a recording is published only with the presenter's permission (permissionToRecord is false)"));
	}

	@Test
	void shouldLoadAnUpcomingSessionWithJoinLinkAndPermission() throws IOException {
		Files.writeString(this.copy.resolve("series/2026-2027.yml"), """
				academicYear: "2026-2027"
				sessions:
				  - id: cfds-2026-09-08
				    date: 2026-09-08
				    startTime: "12:00"
				    timeZone: America/Chicago
				    durationMinutes: 60
				    title: Welcome back
				    category: professional-leadership
				    presenter: Maria Delgado, MD
				    summary: The year ahead.
				    captions: pending
				    joinUrl: "https://meet.example.edu/j/100"
				    permissionToRecord: true
				    status: cancelled
				""");

		SeriesSession session = CurriculumLoader.load(this.copy).seriesSession("cfds-2026-09-08").orElseThrow();
		assertThat(session.joinUrl()).isEqualTo("https://meet.example.edu/j/100");
		assertThat(session.permissionToRecord()).isTrue();
		assertThat(session.recorded()).isFalse();
		assertThat(session.cancelled()).isTrue();
		Files.writeString(this.copy.resolve("series/2026-2027.yml"),
				Files.readString(this.copy.resolve("series/2026-2027.yml")).replace("https://meet", "http://meet"));
		assertThat(problems()).anySatisfy(p -> assertThat(p.message()).startsWith("'joinUrl' must be an https address"));
	}

	@Test
	void shouldRefuseAnIdUsedTwiceEvenAcrossYears() throws IOException {
		Files.writeString(this.copy.resolve("series/2023-2024.yml"), """
				academicYear: "2023-2024"
				sessions:
				  - id: cfds-2022-09-13
				    date: 2023-09-12
				    startTime: "12:00"
				    timeZone: America/Chicago
				    durationMinutes: 60
				    title: Time management, again
				    category: professional-leadership
				    presenter: Kevin Osei, MD
				    summary: A repeat. It has the same id by mistake.
				    captions: none
				    example: true
				""");

		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("series/2023-2024.yml");
			assertThat(p.line()).isEqualTo(3);
			assertThat(p.message()).isEqualTo("series session id 'cfds-2022-09-13' is already used at " + FILE + ":"
					+ lineOf("id: cfds-2022-09-13"));
		});
	}

	@Test
	void shouldRefuseAnUnknownFieldAndReportEveryProblemTogether() throws IOException {
		int typo = replaceFirst("presenter:", "presentor: Someone");
		int category = replaceFirst("category: dei", "category: equity");

		assertThat(problems()).anySatisfy(p -> assertThat(p.line()).isEqualTo(typo))
			.anySatisfy(p -> assertThat(p.message()).startsWith("unknown field 'presentor'"))
			.anySatisfy(p -> assertThat(p.message()).isEqualTo("missing required field 'presenter'"))
			.anySatisfy(p -> assertThat(p.line()).isEqualTo(category));
	}

	private static void assertProblem(CurriculumProblem problem, int line, String message) {
		assertThat(problem.file()).isEqualTo(FILE);
		assertThat(problem.line()).isEqualTo(line);
		assertThat(problem.message()).isEqualTo(message);
	}

	private List<CurriculumProblem> problems() {
		try {
			CurriculumLoader.load(this.copy);
		}
		catch (InvalidCurriculumException ex) {
			return ex.problems();
		}
		throw new AssertionError("the broken series loaded");
	}

	private int lineOf(String contained) throws IOException {
		List<String> lines = Files.readAllLines(this.copy.resolve(FILE));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(contained)) {
				return i + 1;
			}
		}
		throw new AssertionError(contained + " not in " + FILE);
	}

	/** Replaces the first line containing {@code contained} (kept indented), keeping line numbers. */
	private int replaceFirst(String contained, String replacement) throws IOException {
		Path file = this.copy.resolve(FILE);
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
		int line = lineOf(contained);
		String old = lines.get(line - 1);
		String indent = old.substring(0, old.length() - old.stripLeading().length());
		lines.set(line - 1, replacement.isEmpty() ? "" : indent + replacement);
		Files.write(file, lines);
		return line;
	}

}
