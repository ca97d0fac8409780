package org.coachapproach.series;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.coachapproach.LineProblem;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramId;
import org.coachapproach.series.internal.AttendanceAnalysis;
import org.coachapproach.series.internal.AttendanceReportReader;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who attended which live CFDS session: recorded when a person joins from the schedule or
 * launches into a session, and imported from the video platform's attendance report. One
 * record per attendee and session, so every way in is idempotent. Attendance is shown only as
 * counts, and only to the program's staff; each program has its own.
 */
@Service
public class Attendance {

	/** How an attendance became known. */
	public enum Source {

		/** The schedule's "Join" button. */
		JOIN,
		/** A launch into the session from the platform. */
		LAUNCH,
		/** The video platform's attendance report. */
		IMPORT

	}

	private final AttendanceRecords records;

	private final Curriculum curriculum;

	private final SeriesSchedule schedule;

	Attendance(AttendanceRecords records, Curriculum curriculum, SeriesSchedule schedule) {
		this.schedule = schedule;
		this.records = records;
		this.curriculum = curriculum;
	}

	/**
	 * Records that the person attended the session. Recording again (another click, another
	 * launch, another source) changes nothing but keeps the earliest time seen.
	 *
	 * @return whether this is the first record of the person at the session
	 * @throws IllegalArgumentException for a series session the curriculum does not have, or a
	 * person the tool does not know
	 */
	@Transactional
	public boolean record(ProgramId program, PersonId person, String seriesSessionId, Source source, Instant at) {
		Objects.requireNonNull(person, "person");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(at, "at");
		session(program, seriesSessionId);
		String key = "p:" + person.value();
		boolean inserted = this.records.insertIfAbsent(program, seriesSessionId, key, person, source.name(), at);
		// INSERT IGNORE also ignores a foreign-key failure: then there is no row to update either
		if (!inserted && !this.records.keepEarliest(program, seriesSessionId, key, at)) {
			throw new IllegalArgumentException("No person " + person.value());
		}
		return inserted;
	}

	/** Whether the person's attendance at the session is recorded (by join or launch). */
	public boolean attended(ProgramId program, PersonId person, String seriesSessionId) {
		return this.records.exists(program, seriesSessionId, "p:" + person.value());
	}

	/**
	 * Imports the attendance report of one session (Zoom "Participants" export or Teams
	 * attendance report). All or nothing: a file with a bad row imports nothing and the result
	 * names every bad row. Importing the same file again adds no one; an attendee's minutes are
	 * the report's.
	 *
	 * @throws IllegalArgumentException for a series session the curriculum does not have
	 */
	@Transactional
	public AttendanceImport importReport(ProgramId program, String seriesSessionId, byte[] report) {
		SeriesSession session = session(program, seriesSessionId);
		AttendanceReportReader.Result read = AttendanceReportReader.read(report, session);
		if (!read.problems().isEmpty()) {
			return AttendanceImport.refused(seriesSessionId, read.format(), read.problems());
		}
		Set<String> known = new HashSet<>(this.records.attendeeKeys(program, seriesSessionId));
		int added = 0;
		for (AttendanceReportReader.Attendee a : read.attendees()) {
			this.records.imported(program, seriesSessionId, a.key(), a.rank(), a.firstSeen(), a.minutes());
			if (known.add(a.key())) {
				added++;
			}
		}
		return new AttendanceImport(seriesSessionId, read.format(), read.attendees().size(), added, read.skipped(),
				List.<LineProblem>of());
	}

	/** The academic years the series catalog has, most recent first. */
	public List<String> academicYears() {
		return this.curriculum.series().stream()
			.map(SeriesSession::academicYear)
			.distinct()
			.sorted(Comparator.reverseOrder())
			.toList();
	}

	/**
	 * The program's attendance figures for the sessions of one academic year, with the
	 * synthetic demo record (the same made-up data in every program, marked as such).
	 */
	public AttendanceFigures figures(ProgramId program, String academicYear) {
		List<SeriesSession> sessions = this.curriculum.series().stream()
			.filter(s -> s.academicYear().equals(academicYear))
			.toList();
		List<AttendanceAnalysis.Visit> visits = sessions.isEmpty() ? List.of()
				: this.records.visits(program, sessions.stream().map(SeriesSession::id).toList());
		return AttendanceAnalysis.figures(academicYear, sessions, visits);
	}

	private SeriesSession session(ProgramId program, String seriesSessionId) {
		// The program's schedule: the file's sessions and those its staff added in the tool.
		return this.schedule.find(program, seriesSessionId)
			.map(ScheduledSession::session)
			.orElseThrow(() -> new IllegalArgumentException("No CFDS session " + seriesSessionId));
	}

}
