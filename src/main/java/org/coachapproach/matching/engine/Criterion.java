package org.coachapproach.matching.engine;

/** What mentors and mentees are matched on, each answered from a list of options. */
public enum Criterion {

	DIVISION, SPECIALTY, GENDER_IDENTITY, RACE_ETHNICITY, PROFESSIONAL_INTERESTS, NON_PROFESSIONAL_INTERESTS;

	/** The name used in the intake files and the database, e.g. {@code gender-identity}. */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public static java.util.Optional<Criterion> ofKey(String key) {
		for (Criterion c : values()) {
			if (c.key().equals(key)) {
				return java.util.Optional.of(c);
			}
		}
		return java.util.Optional.empty();
	}

}
