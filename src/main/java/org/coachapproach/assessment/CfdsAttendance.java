package org.coachapproach.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * The CFDS attendance figures the evaluation report shows, as the series module counts them:
 * counts of attendees, never who attended. Attendance is not a survey answer, so no small-cell
 * suppression applies (as on the attendance report itself).
 *
 * @param meanPerSession mean attendees per session held, {@code null} when none was held
 * @param topSessions the best attended sessions, most attended first
 * @param ranks unique attendees per rank, in the series' order, the unknown rank last
 */
public record CfdsAttendance(String academicYear, boolean synthetic, int sessionsHeld, int uniqueAttendees,
		Double meanPerSession, int minPerSession, int maxPerSession, List<Session> topSessions, List<Rank> ranks) {

	public CfdsAttendance {
		topSessions = List.copyOf(topSessions);
		ranks = List.copyOf(ranks);
	}

	/** One session and its count of attendees. */
	public record Session(LocalDate date, String title, int attendees) {
	}

	/**
	 * Unique attendees of one rank.
	 * @param rank the rank's name ({@code ASSISTANT}, {@code ASSOCIATE}, {@code FULL}, {@code OTHER}, {@code UNKNOWN})
	 * @param percent the share of all unique attendees, {@code null} when there were none
	 */
	public record Rank(String rank, int attendees, Double percent) {
	}

}
