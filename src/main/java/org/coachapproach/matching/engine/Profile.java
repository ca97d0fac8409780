package org.coachapproach.matching.engine;

import java.util.EnumMap;
import java.util.Map;

/**
 * One person's intake as the engine sees it: answers as bit sets of option indexes per
 * criterion (at most 64 options each; an empty set is "not said", which meets no preference),
 * preferences per criterion, and for a mentor how many mentees they can take.
 *
 * @param id the person's id, which also orders people for deterministic results
 */
public record Profile(long id, int capacity, Map<Criterion, Long> answers, Map<Criterion, Preference> preferences) {

	public Profile {
		answers = answers.isEmpty() ? Map.of() : new EnumMap<>(answers);
		preferences = preferences.isEmpty() ? Map.of() : new EnumMap<>(preferences);
	}

	public long answer(Criterion criterion) {
		return this.answers.getOrDefault(criterion, 0L);
	}

	public Preference preference(Criterion criterion) {
		return this.preferences.getOrDefault(criterion, Preference.NONE);
	}

}
