package org.coachapproach.matching.engine;

/** What mentors and mentees are matched on; each answered from a list (several where {@link #multiple()}). */
public enum Criterion {

	DIVISION(false), SPECIALTY(false), GENDER_IDENTITY(false), RACE_ETHNICITY(true), PROFESSIONAL_INTERESTS(true),
	NON_PROFESSIONAL_INTERESTS(true);

	private final boolean multiple;

	Criterion(boolean multiple) {
		this.multiple = multiple;
	}

	/** Whether a person may choose several options (interests, race/ethnicity). */
	public boolean multiple() {
		return this.multiple;
	}

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
