package org.coachapproach.progress;

/** A draft arrived for a reflection that was already submitted; nothing was changed. */
public class ReflectionSubmittedException extends RuntimeException {

	public ReflectionSubmittedException(String exerciseId) {
		super("reflection on " + exerciseId + " was already submitted");
	}

}
