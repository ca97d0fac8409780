package org.coachapproach.matching;

import java.util.List;

/**
 * A staff matching action or a meeting entry that cannot be done; nothing changed. The code is
 * a message key suffix under {@code matching.refused.}, with its arguments.
 */
public class MatchingRefusedException extends RuntimeException {

	private final String code;

	private final List<Object> arguments;

	public MatchingRefusedException(String code, Object... arguments) {
		super(code + " " + java.util.Arrays.toString(arguments));
		this.code = code;
		this.arguments = java.util.Arrays.asList(arguments.clone());
	}

	public String code() {
		return this.code;
	}

	public Object[] arguments() {
		return this.arguments.toArray();
	}

}
