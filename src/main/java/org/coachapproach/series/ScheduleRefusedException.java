package org.coachapproach.series;

import java.util.List;

/** A schedule change that was refused, with every reason; nothing was saved. */
public class ScheduleRefusedException extends RuntimeException {

	/** One reason: a message key under {@code series.schedule.problem.} and an optional detail. */
	public record Problem(String key, String detail) {

		public static Problem of(String key) {
			return new Problem(key, null);
		}

	}

	private final List<Problem> problems;

	public ScheduleRefusedException(List<Problem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public ScheduleRefusedException(Problem problem) {
		this(List.of(problem));
	}

	public List<Problem> problems() {
		return this.problems;
	}

}
