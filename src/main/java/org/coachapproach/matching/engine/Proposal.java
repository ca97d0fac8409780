package org.coachapproach.matching.engine;

import java.util.List;

import org.coachapproach.matching.engine.Compatibility.Reason;

/**
 * What a run proposes: the pairs, each with its score and reasons, and the mentees left
 * without a mentor with why.
 */
public record Proposal(List<Pair> pairs, List<Unmatched> unmatched, int maxScore) {

	public Proposal {
		pairs = List.copyOf(pairs);
		unmatched = List.copyOf(unmatched);
	}

	public long totalScore() {
		return this.pairs.stream().mapToLong(Pair::score).sum();
	}

	/**
	 * @param score in {@link Compatibility#UNITS_PER_POINT units}
	 * @param locked staff forced the pair
	 * @param overrideReason why staff forced a pair that breaks a requirement, else {@code null}
	 */
	public record Pair(long mentee, long mentor, int score, boolean locked, String overrideReason, List<Reason> reasons) {

		public Pair {
			reasons = List.copyOf(reasons);
		}

	}

	/**
	 * A mentee without a mentor.
	 * @param why {@link Why#REQUIREMENT} when requirements rule out every mentor ({@code blocking}
	 * names them, the one excluding the most mentors first); {@link Why#NO_MENTOR} when no mentor
	 * has room or staff excluded every one; {@link Why#CAPACITY} when compatible mentors exist but
	 * their places went to others in the best overall assignment
	 */
	public record Unmatched(long mentee, Why why, List<Blocking> blocking, int compatibleMentors) {

		public Unmatched {
			blocking = List.copyOf(blocking);
		}

	}

	public enum Why {

		REQUIREMENT, NO_MENTOR, CAPACITY

	}

	/** A requirement (whose, on what) and how many mentors with room it rules out for this mentee. */
	public record Blocking(Criterion criterion, Compatibility.Side side, Preference preference, int mentorsRuledOut) {
	}

}
