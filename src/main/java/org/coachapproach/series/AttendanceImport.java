package org.coachapproach.series;

import java.util.List;

import org.coachapproach.LineProblem;

/**
 * The outcome of importing a video platform's attendance report into one CFDS session. A
 * report with any bad row imports nothing: {@link #problems()} then names every bad row.
 *
 * @param format the layout recognised ({@code ZOOM} or {@code TEAMS}), or {@code null} when none was
 * @param attendees distinct attendees in the file (rejoins of one person count once)
 * @param added attendees newly recorded for the session (0 on a re-import of the same file)
 * @param skipped rows deliberately left out (Zoom's waiting-room rows)
 */
public record AttendanceImport(String seriesSessionId, Format format, int attendees, int added, int skipped,
		List<LineProblem> problems) {

	public AttendanceImport {
		problems = List.copyOf(problems);
	}

	/** The video platform's export layout. */
	public enum Format {

		/** Zoom's meeting report "Participants" export (with or without the meeting summary above it). */
		ZOOM,
		/** Microsoft Teams' attendance report download ("1. Summary", "2. Participants", …). */
		TEAMS

	}

	public boolean imported() {
		return this.problems.isEmpty();
	}

	static AttendanceImport refused(String seriesSessionId, Format format, List<LineProblem> problems) {
		return new AttendanceImport(seriesSessionId, format, 0, 0, 0, problems);
	}

}
