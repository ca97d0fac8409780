package org.coachapproach.series.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.series.AttendanceFigures;
import org.coachapproach.series.AttendanceFigures.SessionAttendance;
import org.coachapproach.series.FacultyRank;
import org.coachapproach.series.internal.AttendanceAnalysis.Visit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Attendance figures on a constructed year: 12 sessions, of which 11 held, with known counts. */
class AttendanceAnalysisTests {

	@Test
	void shouldCountSessionsHeldAttendeesMeanRangeRankAndTopTen() {
		List<SeriesSession> sessions = new ArrayList<>();
		List<Visit> visits = new ArrayList<>();
		// session i (0..11) is attended by attendees 0..counts[i]-1; session 11 is not held
		int[] counts = { 3, 5, 2, 8, 8, 1, 4, 6, 7, 9, 10, 0 };
		for (int i = 0; i < counts.length; i++) {
			SeriesSession s = session(i);
			sessions.add(s);
			for (int a = 0; a < counts[i]; a++) {
				visits.add(new Visit(s.id(), "e:a" + a + "@example.edu", rank(a, i), false));
			}
		}
		visits.add(new Visit("cfds-other-year", "e:z@example.edu", FacultyRank.FULL, true));

		AttendanceFigures f = AttendanceAnalysis.figures("2030-2031", sessions, visits);

		assertThat(f.sessions()).hasSize(12).extracting(SessionAttendance::attendees)
			.containsExactly(3, 5, 2, 8, 8, 1, 4, 6, 7, 9, 10, 0);
		assertThat(f.sessionsHeld()).isEqualTo(11);
		assertThat(f.uniqueAttendees()).isEqualTo(10);
		assertThat(f.attendances()).isEqualTo(63);
		assertThat(f.meanPerSession()).isCloseTo(63 / 11.0, within(1e-12));
		assertThat(f.minPerSession()).isEqualTo(1);
		assertThat(f.maxPerSession()).isEqualTo(10);
		// attendee 0: rank given only at session 10 (ASSOCIATE, the latest); attendees 1-4 ASSISTANT;
		// attendees 5-9 no rank
		assertThat(f.byRank()).containsEntry(FacultyRank.ASSISTANT, 4).containsEntry(FacultyRank.ASSOCIATE, 1)
			.containsEntry(FacultyRank.FULL, 0).containsEntry(FacultyRank.OTHER, 0);
		assertThat(f.rankUnknown()).isEqualTo(5);
		assertThat(f.topSessions()).hasSize(10).extracting(SessionAttendance::attendees)
			.containsExactly(10, 9, 8, 8, 7, 6, 5, 4, 3, 2);
		assertThat(f.topSessions().get(2).seriesSessionId()).as("a tie: the earlier first").isEqualTo("cfds-3");
		assertThat(f.synthetic()).as("the other year's synthetic record is not counted").isFalse();
	}

	@Test
	void shouldReportAYearWithNoAttendance() {
		AttendanceFigures f = AttendanceAnalysis.figures("2030-2031", List.of(session(0)), List.of());

		assertThat(f.sessionsHeld()).isZero();
		assertThat(f.uniqueAttendees()).isZero();
		assertThat(f.meanPerSession()).isNaN();
		assertThat(f.topSessions()).isEmpty();
	}

	private static FacultyRank rank(int attendee, int session) {
		if (attendee == 0) {
			return session == 10 ? FacultyRank.ASSOCIATE : session == 9 ? FacultyRank.FULL : null;
		}
		return attendee < 5 ? FacultyRank.ASSISTANT : null;
	}

	private static SeriesSession session(int i) {
		return new SeriesSession("cfds-" + i, "2030-2031", LocalDate.of(2030, 9, 3).plusWeeks(i), LocalTime.NOON,
				ZoneId.of("America/Chicago"), 60, "Session " + i, SeriesCategory.values()[0], "Presenter", "Summary",
				null, SeriesSession.Captions.NONE, null, null, false);
	}

}
