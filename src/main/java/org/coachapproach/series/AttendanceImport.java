package org.coachapproach.series;

import java.util.List;

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
		List<Problem> problems) {

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

	/**
	 * Why a row (or the file) was refused: a message code (under
	 * {@code series.attendance.problem.} in the series bundle) and its arguments.
	 *
	 * @param line the file's line number the row starts on (1 = first line), or 0 for the whole file
	 */
	public record Problem(int line, String code, List<String> args) {

		public Problem {
			args = List.copyOf(args);
		}

		public static Problem of(int line, String code, Object... args) {
			return new Problem(line, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
		}

		/** The arguments for the message. */
		public Object[] arguments() {
			return this.args.toArray();
		}

	}

	public boolean imported() {
		return this.problems.isEmpty();
	}

	static AttendanceImport refused(String seriesSessionId, Format format, List<Problem> problems) {
		return new AttendanceImport(seriesSessionId, format, 0, 0, 0, problems);
	}

}
