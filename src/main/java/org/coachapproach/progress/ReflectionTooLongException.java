package org.coachapproach.progress;

/** A reflection longer than {@link Reflections#MAX_LENGTH} characters; nothing was stored. */
public class ReflectionTooLongException extends RuntimeException {

	public ReflectionTooLongException(int length) {
		super("reflection of " + length + " characters is longer than " + Reflections.MAX_LENGTH);
	}

}
