package org.coachapproach.assessment;

import java.util.List;

/** Answers that were not saved, with every reason; nothing was written. */
public class AnswersRefusedException extends RuntimeException {

	private final List<AnswerProblem> problems;

	public AnswersRefusedException(List<AnswerProblem> problems) {
		super("answers refused: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<AnswerProblem> problems() {
		return this.problems;
	}

}
