package org.coachapproach.matching.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * How much each criterion counts in a pair's compatibility, in whole points (0–100 each). The
 * program's defaults are in {@code curriculum/intake/matching.yml}; staff change them per course.
 */
public record Weights(Map<Criterion, Integer> points) {

	public static final int MAX_POINTS = 100;

	public Weights {
		EnumMap<Criterion, Integer> copy = new EnumMap<>(Criterion.class);
		for (Criterion c : Criterion.values()) {
			int p = points.getOrDefault(c, 0);
			if (p < 0 || p > MAX_POINTS) {
				throw new IllegalArgumentException(c.key() + ": weight must be between 0 and " + MAX_POINTS + ", not " + p);
			}
			copy.put(c, p);
		}
		points = java.util.Collections.unmodifiableMap(copy);
	}

	public int of(Criterion criterion) {
		return this.points.get(criterion);
	}

}
