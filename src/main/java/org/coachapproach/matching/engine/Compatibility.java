package org.coachapproach.matching.engine;

import java.util.ArrayList;
import java.util.List;

import org.coachapproach.matching.engine.Preference.Direction;

/**
 * How well a mentor and a mentee fit, from both people's preferences. For each criterion with
 * a stated preference (by either person) the criterion's weight is earned in proportion to how
 * well the stated preferences are met, averaged over the people who stated one: "same" is met
 * by a shared answer (for interests, by the share of the shorter list that is shared),
 * "different" by no shared answer. A criterion nobody has a preference on earns nothing. A
 * requirement that is not met makes the pair impossible. Scores are whole units (a weight
 * point is {@value #UNITS_PER_POINT} units), so that totals compare exactly.
 */
public final class Compatibility {

	public static final int UNITS_PER_POINT = 1000;

	/** The score of a pair a requirement rules out. */
	public static final int IMPOSSIBLE = -1;

	private static final Criterion[] CRITERIA = Criterion.values();

	private final int[] weights = new int[CRITERIA.length];

	private final int maxScore;

	public Compatibility(Weights weights) {
		int max = 0;
		for (Criterion c : CRITERIA) {
			this.weights[c.ordinal()] = weights.of(c);
			max += weights.of(c) * UNITS_PER_POINT;
		}
		this.maxScore = max;
	}

	/** The highest score a pair can reach with these weights. */
	public int maxScore() {
		return this.maxScore;
	}

	/** The pair's score in units, or {@link #IMPOSSIBLE} when a requirement of either is not met. */
	public int score(Profile mentee, Profile mentor) {
		long total = 0;
		for (Criterion c : CRITERIA) {
			Preference a = mentee.preference(c);
			Preference b = mentor.preference(c);
			if (!a.stated() && !b.stated()) {
				continue;
			}
			long x = mentee.answer(c);
			long y = mentor.answer(c);
			if ((a.required() && !meets(a.direction(), x, y)) || (b.required() && !meets(b.direction(), x, y))) {
				return IMPOSSIBLE;
			}
			total += earned(c, a, b, x, y);
		}
		return (int) total;
	}

	/** Each stated preference of the pair and whether it is met, mentee's first, in criterion order. */
	public List<Reason> explain(Profile mentee, Profile mentor) {
		List<Reason> reasons = new ArrayList<>();
		for (Criterion c : CRITERIA) {
			long x = mentee.answer(c);
			long y = mentor.answer(c);
			Preference a = mentee.preference(c);
			Preference b = mentor.preference(c);
			if (a.stated()) {
				reasons.add(new Reason(c, Side.MENTEE, a, meets(a.direction(), x, y)));
			}
			if (b.stated()) {
				reasons.add(new Reason(c, Side.MENTOR, b, meets(b.direction(), x, y)));
			}
		}
		return reasons;
	}

	/** The requirements (of either person) this pair does not meet. */
	public List<Reason> unmet(Profile mentee, Profile mentor) {
		return explain(mentee, mentor).stream().filter(r -> r.preference().required() && !r.met()).toList();
	}

	private long earned(Criterion c, Preference a, Preference b, long x, long y) {
		int weight = this.weights[c.ordinal()];
		if (weight == 0) {
			return 0;
		}
		// Satisfaction as a fraction num/den per stated preference, averaged: exact integer arithmetic.
		long shared = Long.bitCount(x & y);
		long shorter = Math.min(Long.bitCount(x), Long.bitCount(y));
		long num = 0;
		int stated = 0;
		for (Preference p : new Preference[] { a, b }) {
			if (!p.stated()) {
				continue;
			}
			stated++;
			if (shorter == 0) {
				continue; // someone did not answer: nothing can be said to be met
			}
			num += p.direction() == Direction.SAME ? shared : shorter - shared;
		}
		long den = shorter == 0 ? 1 : shorter;
		return (long) weight * UNITS_PER_POINT * num / (den * stated);
	}

	/** Whether a preference is met at all: "same" by a shared answer, "different" by none (both answered). */
	static boolean meets(Direction direction, long x, long y) {
		return switch (direction) {
			case NONE -> true;
			case SAME -> (x & y) != 0;
			case DIFFERENT -> x != 0 && y != 0 && (x & y) == 0;
		};
	}

	/** Whose preference a reason is about. */
	public enum Side {

		MENTEE, MENTOR

	}

	/** One stated preference of a pair, and whether this pair meets it. */
	public record Reason(Criterion criterion, Side side, Preference preference, boolean met) {
	}

}
