package org.coachapproach.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.coachapproach.assessment.CfdsAttendance;
import org.coachapproach.assessment.CfdsAttendanceSource;
import org.coachapproach.people.ProgramId;
import org.coachapproach.series.Attendance;
import org.coachapproach.series.AttendanceFigures;
import org.coachapproach.series.FacultyRank;

import org.springframework.stereotype.Component;

/** The series' attendance figures, handed to the assessment module's evaluation report. */
@Component
class SeriesAttendanceForEvaluation implements CfdsAttendanceSource {

	private final Attendance attendance;

	SeriesAttendanceForEvaluation(Attendance attendance) {
		this.attendance = attendance;
	}

	@Override
	public Optional<CfdsAttendance> latest(ProgramId program) {
		List<String> years = this.attendance.academicYears();
		if (program == null || years.isEmpty()) {
			return Optional.empty();
		}
		AttendanceFigures f = this.attendance.figures(program, years.get(0));
		List<CfdsAttendance.Rank> ranks = new ArrayList<>();
		for (FacultyRank rank : FacultyRank.values()) {
			ranks.add(rank(rank.name(), f.byRank().getOrDefault(rank, 0), f.uniqueAttendees()));
		}
		ranks.add(rank("UNKNOWN", f.rankUnknown(), f.uniqueAttendees()));
		return Optional.of(new CfdsAttendance(f.academicYear(), f.synthetic(), f.sessionsHeld(), f.uniqueAttendees(),
				Double.isNaN(f.meanPerSession()) ? null : f.meanPerSession(), f.minPerSession(), f.maxPerSession(),
				f.topSessions().stream().map(s -> new CfdsAttendance.Session(s.date(), s.title(), s.attendees())).toList(),
				ranks));
	}

	private static CfdsAttendance.Rank rank(String name, int attendees, int unique) {
		return new CfdsAttendance.Rank(name, attendees, unique == 0 ? null : 100.0 * attendees / unique);
	}

}
