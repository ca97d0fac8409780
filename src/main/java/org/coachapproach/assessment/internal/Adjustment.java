package org.coachapproach.assessment.internal;

import java.util.Locale;
import java.util.Optional;

/** Multiplicity adjustment of a table's p-values; none by default, as in the published evaluation. */
public enum Adjustment {

	NONE, HOLM, BH;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Adjustment> fromLabel(String label) {
		for (Adjustment a : values()) {
			if (a.label().equals(label)) {
				return Optional.of(a);
			}
		}
		return Optional.empty();
	}

}
