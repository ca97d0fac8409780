package org.coachapproach.progress;

/** Competency ratings refused, with the reason (a message key's last part); nothing was stored. */
public class RatingRefusedException extends RuntimeException {

	private final String reason;

	public RatingRefusedException(String reason) {
		super("competency ratings refused: " + reason);
		this.reason = reason;
	}

	/** {@code not-a-mentor}, {@code colleague}, {@code incomplete} or {@code already-rated}. */
	public String reason() {
		return this.reason;
	}

}
