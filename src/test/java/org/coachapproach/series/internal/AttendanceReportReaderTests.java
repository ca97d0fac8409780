package org.coachapproach.series.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.coachapproach.LineProblem;
import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.series.AttendanceImport.Format;
import org.coachapproach.series.FacultyRank;
import org.coachapproach.series.internal.AttendanceReportReader.Attendee;
import org.coachapproach.series.internal.AttendanceReportReader.Result;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Reading Zoom and Teams attendance reports, from files laid out as the platforms export them. */
class AttendanceReportReaderTests {

	@Test
	void shouldReadZoomParticipantsUnderTheMeetingSummarySummingRejoins() {
		Result result = AttendanceReportReader.read(fixture("zoom-participants.csv"), session(2022, 9, 13));

		assertThat(result.problems()).isEmpty();
		assertThat(result.format()).isEqualTo(Format.ZOOM);
		assertThat(result.skipped()).as("the waiting-room row").isEqualTo(1);
		Map<String, Attendee> byKey = byKey(result);
		assertThat(byKey).containsOnlyKeys("e:cfds-host@example.edu", "e:adaeze.okafor@example.edu", "e:wei.lin@example.edu",
				"n:jose \"pepe\" garcia", "e:sam.patel@example.edu", "n:iphone");
		assertThat(byKey.get("e:adaeze.okafor@example.edu").minutes()).as("34 + 25 minutes, two rows").isEqualTo(59);
		assertThat(byKey.get("e:adaeze.okafor@example.edu").firstSeen())
			.isEqualTo(Instant.parse("2022-09-13T16:58:03Z"));
		assertThat(byKey.get("e:sam.patel@example.edu").minutes()).as("without the waiting room").isEqualTo(60);
		assertThat(byKey.get("n:jose \"pepe\" garcia").minutes()).isEqualTo(38);
		assertThat(result.attendees()).extracting(Attendee::rank).containsOnlyNulls();
	}

	@Test
	void shouldReadZoomsNewerHeadersAndAnOptionalRankColumn() {
		Result result = AttendanceReportReader.read(fixture("zoom-participants-rank.csv"), session(2022, 9, 20));

		assertThat(result.problems()).isEmpty();
		assertThat(result.attendees()).extracting(Attendee::key, Attendee::rank, Attendee::minutes)
			.containsExactly(tuple("e:rosa.martinez@example.edu", FacultyRank.ASSOCIATE, 59),
					tuple("e:tom.becker@example.edu", FacultyRank.ASSISTANT, 55),
					tuple("e:ana.silva@example.edu", FacultyRank.FULL, 59));
	}

	@Test
	void shouldReadZoomsUniqueUsersExportWithoutJoinTimes() {
		String csv = "Name (Original Name),User Email,Total Duration (Minutes),Guest\r\n"
				+ "Mei Chen,mei.chen@example.edu,57,No\r\n" + "Omar Farouk,,44,Yes\r\n";
		SeriesSession session = session(2022, 9, 13);

		Result result = AttendanceReportReader.read(csv.getBytes(StandardCharsets.UTF_8), session);

		assertThat(result.problems()).isEmpty();
		assertThat(result.attendees()).extracting(Attendee::key, Attendee::minutes, Attendee::firstSeen)
			.containsExactly(tuple("e:mei.chen@example.edu", 57, session.startsAt().toInstant()),
					tuple("n:omar farouk", 44, session.startsAt().toInstant()));
	}

	@Test
	void shouldReadTeamsUtf16ParticipantsSectionOnly() {
		Result result = AttendanceReportReader.read(fixture("teams-attendance.csv"), session(2023, 1, 17));

		assertThat(result.problems()).isEmpty();
		assertThat(result.format()).isEqualTo(Format.TEAMS);
		assertThat(result.attendees()).extracting(Attendee::key, Attendee::minutes)
			.containsExactly(tuple("e:cfds-host@example.edu", 66), tuple("e:grace.mwangi@example.edu", 58),
					tuple("e:daniel.cohen@example.edu", 53), tuple("e:priya.nair@example.edu", 41),
					tuple("n:guest caller (unverified)", 11));
		assertThat(result.attendees().get(0).firstSeen()).isEqualTo(Instant.parse("2023-01-17T17:56:02Z"));
	}

	@Test
	void shouldNameEveryBadRowWithItsLineAndReason() {
		Result result = AttendanceReportReader.read(fixture("zoom-bad-rows.csv"), session(2022, 9, 13));

		assertThat(result.attendees()).isEmpty();
		assertThat(result.problems()).extracting(LineProblem::line).containsExactly(3, 4, 5, 6, 7, 9);
		Map<Integer, String> why = result.problems().stream().collect(Collectors.toMap(LineProblem::line, AttendanceReportReaderTests::text));
		assertThat(why.get(3)).contains("join time \"13/09/2022 12:00:00\" is not a date and time");
		assertThat(why.get(4)).contains("neither a name nor an email");
		assertThat(why.get(5)).contains("\"about an hour\" is not a whole number of minutes");
		assertThat(why.get(6)).contains("joined on 2022-09-20 but the session was on 2022-09-13");
		assertThat(why.get(7)).contains("\"not-an-email\" is not an email address");
		assertThat(why.get(9)).contains("has 7 fields where the header has 6");
	}

	@Test
	void shouldRefuseFilesThatAreNoAttendanceReport() {
		assertThat(AttendanceReportReader.read("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), session(2022, 9, 13))
			.problems()).extracting(AttendanceReportReaderTests::text)
			.singleElement()
			.asString()
			.startsWith("No participants table found");
		assertThat(AttendanceReportReader.read(new byte[] { (byte) 0xC3, 0x28, 0x0A }, session(2022, 9, 13)).problems())
			.extracting(AttendanceReportReaderTests::text)
			.containsExactly("The file is not text in UTF-8 or UTF-16: export the report again as CSV.");
		String unclosed = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
				+ "\"Open,a@example.edu,09/13/2022 12:00:00 PM,09/13/2022 01:00:00 PM,60\n";
		assertThat(AttendanceReportReader.read(unclosed.getBytes(StandardCharsets.UTF_8), session(2022, 9, 13)).problems())
			.extracting(LineProblem::line, AttendanceReportReaderTests::text)
			.containsExactly(tuple(2, "a quoted field is never closed."));
		String headerOnly = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n";
		assertThat(AttendanceReportReader.read(headerOnly.getBytes(StandardCharsets.UTF_8), session(2022, 9, 13))
			.problems()).extracting(AttendanceReportReaderTests::text).containsExactly("The participants table has no rows.");
	}

	@Test
	void shouldRefuseOneAttendeeGivenTwoRanks() {
		String csv = "Name,Email,Join time,Leave time,Duration (minutes),Rank\n"
				+ "A B,ab@example.edu,2022-09-13 12:00:00,2022-09-13 12:30:00,30,Assistant\n"
				+ "A B,ab@example.edu,2022-09-13 12:31:00,2022-09-13 13:00:00,29,Associate\n";
		assertThat(AttendanceReportReader.read(csv.getBytes(StandardCharsets.UTF_8), session(2022, 9, 13)).problems())
			.extracting(LineProblem::line, AttendanceReportReaderTests::text)
			.containsExactly(tuple(3, "rank associate differs from rank assistant on line 2 for the same attendee"));
	}

	@Test
	void shouldGiveEveryReasonOfARowWithItsLine() {
		String csv = "Name,Email,Join time,Leave time,Duration (minutes),Rank\n"
				+ "A B,ab@example.edu,2022-09-13 12:30:00,2022-09-13 12:00:00,1500,Dean\n"
				+ "C D,cd@example.edu,2022-09-13 12:00:00,half past,20,\n";
		assertThat(AttendanceReportReader.read(csv.getBytes(StandardCharsets.UTF_8), session(2022, 9, 13)).problems())
			.extracting(LineProblem::line, AttendanceReportReaderTests::text)
			.containsExactly(tuple(2, "leaves (2022-09-13 12:00:00) before joining (2022-09-13 12:30:00)"),
					tuple(2, "duration \"1500\" is longer than a day"),
					tuple(2, "rank \"Dean\" is not assistant, associate, full or other"),
					tuple(3, "leave time \"half past\" is not a date and time like 09/13/2022 12:01:15 PM"));
	}

	private static Map<String, Attendee> byKey(Result result) {
		return result.attendees().stream().collect(Collectors.toMap(Attendee::key, a -> a));
	}

	static SeriesSession session(int year, int month, int day) {
		return new SeriesSession("cfds-test", "2022-2023", LocalDate.of(year, month, day), LocalTime.NOON,
				ZoneId.of("America/Chicago"), 60, "Test session", SeriesCategory.values()[0], "Presenter", "Summary",
				null, SeriesSession.Captions.NONE, null, null, true);
	}

	static byte[] fixture(String name) {
		try (InputStream in = AttendanceReportReaderTests.class.getResourceAsStream("/series/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The problem as the import page words it (fails on a code the bundle lacks). */
	private static String text(LineProblem problem) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/series");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages.getMessage("series.attendance.problem." + problem.code(), problem.arguments(), Locale.ENGLISH);
	}

}
