package org.coachapproach.series;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Attendance at the live sessions of one CFDS academic year. Counts of attendees are not survey
 * answers, so no small-cell suppression applies; no attendee is ever named here. An attendee is
 * one person the tool knows (Join, launch) or one email (else name) in imported reports: the tool
 * cannot tell that an imported email belongs to a person who also pressed Join.
 *
 * @param sessions every session of the year in date order, with its attendance (0 when none recorded)
 * @param sessionsHeld sessions with at least one attendee recorded
 * @param uniqueAttendees distinct attendees over the year
 * @param meanPerSession mean attendees per session held ({@code NaN} when none was held)
 * @param minPerSession fewest attendees at a session held (0 when none was held)
 * @param maxPerSession most attendees at a session held (0 when none was held)
 * @param byRank unique attendees by rank (every rank present; a rank is the one the latest report
 * gave)
 * @param rankUnknown unique attendees no report gave a rank for
 * @param topSessions the ten best attended sessions, most attended first (ties: earlier first)
 * @param synthetic whether any of it is synthetic demo data
 */
public record AttendanceFigures(String academicYear, List<SessionAttendance> sessions, int sessionsHeld,
		int uniqueAttendees, double meanPerSession, int minPerSession, int maxPerSession,
		Map<FacultyRank, Integer> byRank, int rankUnknown, List<SessionAttendance> topSessions, boolean synthetic) {

	public AttendanceFigures {
		sessions = List.copyOf(sessions);
		byRank = Collections.unmodifiableMap(new EnumMap<>(byRank));
		topSessions = List.copyOf(topSessions);
	}

	/** Attendance at one session. */
	public record SessionAttendance(String seriesSessionId, LocalDate date, String title, int attendees) {
	}

	/** Total attendances (person-sessions) over the year. */
	public int attendances() {
		return this.sessions.stream().mapToInt(SessionAttendance::attendees).sum();
	}

}
