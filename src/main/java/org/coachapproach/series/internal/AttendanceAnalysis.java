package org.coachapproach.series.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.series.AttendanceFigures;
import org.coachapproach.series.AttendanceFigures.SessionAttendance;
import org.coachapproach.series.FacultyRank;

/** Attendance figures for a year's sessions from the attendance records; no database. */
public final class AttendanceAnalysis {

	static final int TOP = 10;

	/**
	 * One attendance record.
	 *
	 * @param rank the rank its report gave, or {@code null}
	 */
	public record Visit(String seriesSessionId, String attendeeKey, FacultyRank rank, boolean synthetic) {
	}

	private AttendanceAnalysis() {
	}

	/**
	 * @param sessions the year's sessions (visits to other sessions are ignored)
	 * @param visits at most one per attendee and session, as stored
	 */
	public static AttendanceFigures figures(String academicYear, List<SeriesSession> sessions, List<Visit> visits) {
		List<SeriesSession> ordered = sessions.stream().sorted(Comparator.comparing(SeriesSession::startsAt)).toList();
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			index.put(ordered.get(i).id(), i);
		}
		Map<String, Set<String>> attendees = new HashMap<>();
		// the rank of an attendee is the one given for their latest session with a rank
		Map<String, FacultyRank> rank = new HashMap<>();
		Map<String, Integer> rankAt = new HashMap<>();
		boolean synthetic = false;
		Set<String> unique = new HashSet<>();
		for (Visit visit : visits) {
			Integer at = index.get(visit.seriesSessionId());
			if (at == null) {
				continue;
			}
			attendees.computeIfAbsent(visit.seriesSessionId(), k -> new HashSet<>()).add(visit.attendeeKey());
			unique.add(visit.attendeeKey());
			synthetic |= visit.synthetic();
			if (visit.rank() != null && at >= rankAt.getOrDefault(visit.attendeeKey(), -1)) {
				rank.put(visit.attendeeKey(), visit.rank());
				rankAt.put(visit.attendeeKey(), at);
			}
		}
		List<SessionAttendance> rows = new ArrayList<>();
		for (SeriesSession s : ordered) {
			rows.add(new SessionAttendance(s.id(), s.date(), s.title(), attendees.getOrDefault(s.id(), Set.of()).size()));
		}
		List<SessionAttendance> held = rows.stream().filter(r -> r.attendees() > 0).toList();
		Map<FacultyRank, Integer> byRank = new EnumMap<>(FacultyRank.class);
		for (FacultyRank r : FacultyRank.values()) {
			byRank.put(r, 0);
		}
		rank.values().forEach(r -> byRank.merge(r, 1, Integer::sum));
		List<SessionAttendance> top = held.stream()
			.sorted(Comparator.comparingInt(SessionAttendance::attendees).reversed()
				.thenComparing(SessionAttendance::date))
			.limit(TOP)
			.toList();
		return new AttendanceFigures(academicYear, rows, held.size(), unique.size(),
				held.stream().mapToInt(SessionAttendance::attendees).average().orElse(Double.NaN),
				held.stream().mapToInt(SessionAttendance::attendees).min().orElse(0),
				held.stream().mapToInt(SessionAttendance::attendees).max().orElse(0), byRank,
				unique.size() - rank.size(), top, synthetic);
	}

}
