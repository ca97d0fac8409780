package org.coachapproach.curriculum;

import java.util.List;
import java.util.stream.Collectors;

/** The curriculum could not be loaded; carries every problem found, not just the first. */
public class InvalidCurriculumException extends RuntimeException {

	private final List<CurriculumProblem> problems;

	public InvalidCurriculumException(String location, List<CurriculumProblem> problems) {
		super("The curriculum in " + location + " has " + problems.size()
				+ (problems.size() == 1 ? " problem" : " problems") + ":\n"
				+ problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<CurriculumProblem> problems() {
		return this.problems;
	}

}
