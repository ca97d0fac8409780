package org.coachapproach.matching.engine;

/**
 * A staff decision about one pair before a run: a lock forces the pair into the proposal; an
 * exclusion keeps it out. A lock that breaks a requirement is accepted only with a reason.
 */
public record PairRule(long mentee, long mentor, Kind kind, String reason) {

	public enum Kind {

		LOCK, EXCLUDE

	}

	public static PairRule lock(long mentee, long mentor) {
		return new PairRule(mentee, mentor, Kind.LOCK, null);
	}

	public static PairRule lock(long mentee, long mentor, String reason) {
		return new PairRule(mentee, mentor, Kind.LOCK, reason);
	}

	public static PairRule exclude(long mentee, long mentor) {
		return new PairRule(mentee, mentor, Kind.EXCLUDE, null);
	}

	public boolean hasReason() {
		return this.reason != null && !this.reason.isBlank();
	}

}
