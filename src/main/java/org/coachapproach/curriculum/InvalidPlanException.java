package org.coachapproach.curriculum;

import java.util.List;

/** A settings change that was refused as a whole; nothing of it was saved. */
public class InvalidPlanException extends RuntimeException {

	private final List<Problem> problems;

	public InvalidPlanException(List<Problem> problems) {
		super("invalid course settings: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * @param code a message key under {@code curriculum.settings.problem.}
	 * @param item the item concerned, as the form names it, or {@code null}
	 */
	public record Problem(String code, String item) {
	}

}
