package org.coachapproach;

import java.util.Arrays;
import java.util.List;

/**
 * Why an imported file, or one of its lines, was refused: a message code and its arguments,
 * worded by the page from the importing module's bundle, so every import speaks the person's
 * language and lists each problem with its line.
 *
 * @param line the file's line the problem is on (1 = the first line), or 0 for the whole file
 */
public record LineProblem(int line, String code, List<String> args) {

	public LineProblem {
		args = List.copyOf(args);
	}

	public static LineProblem of(int line, String code, Object... args) {
		return new LineProblem(line, code, Arrays.stream(args).map(String::valueOf).toList());
	}

	/** The arguments for the message. */
	public Object[] arguments() {
		return this.args.toArray();
	}

}
