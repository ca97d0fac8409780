package org.coachapproach.series;

import java.util.Locale;
import java.util.Optional;

/** A clinical faculty member's rank, as an attendance report may state it. */
public enum FacultyRank {

	ASSISTANT, ASSOCIATE, FULL, OTHER;

	/**
	 * Reads a rank as people write it ("Assistant Professor", "associate", "Clinical
	 * Professor", "Full"); empty for a blank value, and for text that names no rank.
	 */
	public static Optional<FacultyRank> parse(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		String t = text.strip().toLowerCase(Locale.ROOT);
		if (t.contains("assistant")) {
			return Optional.of(ASSISTANT);
		}
		if (t.contains("associate")) {
			return Optional.of(ASSOCIATE);
		}
		if (t.equals("full") || t.contains("full professor") || t.equals("professor")
				|| t.equals("clinical professor")) {
			return Optional.of(FULL);
		}
		if (t.equals("other") || t.equals("instructor") || t.equals("emeritus") || t.equals("prefer not to say")) {
			return Optional.of(OTHER);
		}
		return Optional.empty();
	}

}
