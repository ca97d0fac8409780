package org.coachapproach.outreach;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of email the tool sends. Staff switch each kind on or off, and each person can
 * unsubscribe from each kind on its own.
 */
public enum ReminderKind {

	/** The weekly reminder before a CFDS session (series). */
	SERIES_SESSION,
	/** A survey window has opened (assessment). */
	SURVEY_WINDOW_OPENING,
	/** A survey window is about to close (assessment). */
	SURVEY_WINDOW_CLOSING,
	/** A mentoring pair has not met for the configured period (matching). */
	MENTORING_NUDGE;

	/** The label used in URLs and message keys, e.g. {@code series-session}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<ReminderKind> fromLabel(String label) {
		for (ReminderKind kind : values()) {
			if (kind.label().equals(label)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
