package org.coachapproach.assessment;

import java.util.Locale;
import java.util.Optional;

import org.coachapproach.assessment.analysis.PAdjust;

/** Multiplicity adjustment of a table's p-values; none by default, as in the published evaluation. */
public enum Adjustment {

	NONE, HOLM, BH;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The adjusted p-values of one table, in the order given. */
	public double[] apply(double[] p) {
		return switch (this) {
			case NONE -> p.clone();
			case HOLM -> PAdjust.holm(p);
			case BH -> PAdjust.benjaminiHochberg(p);
		};
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
