package org.coachapproach.matching;

import java.util.List;

/** An intake that cannot be saved; nothing was saved. Each problem names a message key suffix and its arguments. */
public class InvalidIntakeException extends RuntimeException {

	private final List<Problem> problems;

	public InvalidIntakeException(List<Problem> problems) {
		super("Intake refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * @param code {@code unknownOption}, {@code oneOnly}, {@code otherTooLong}, {@code badDirection},
	 * {@code requiredWithoutDirection}, {@code capacityRange}, {@code capacityMissing},
	 * {@code notInProgram} or {@code alreadyMatched}
	 * @param criterion the criterion's label, or {@code null}
	 * @param value what was given, or {@code null}
	 */
	public record Problem(String code, String criterion, String value) {
	}

}
