package org.coachapproach.lti.registration;

import java.util.List;

/** A registration that cannot be stored, with every reason. */
public class InvalidRegistrationException extends RuntimeException {

	private final List<String> problems;

	public InvalidRegistrationException(List<String> problems) {
		super("Invalid platform registration: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
