package org.coachapproach.progress;

import java.time.Instant;

/**
 * A person's reflection on an exercise.
 *
 * @param draft the text as last saved while writing ({@code ""} when nothing was saved)
 * @param submitted the submitted text, or {@code null} until submitted
 * @param updatedAt when the draft or submission was last stored, or {@code null} when never
 */
public record Reflection(String exerciseId, String draft, String submitted, Instant submittedAt, Instant updatedAt) {

	public static Reflection empty(String exerciseId) {
		return new Reflection(exerciseId, "", null, null, null);
	}

	public boolean isSubmitted() {
		return this.submittedAt != null;
	}

	/** Milliseconds since the epoch of the last save, 0 when never saved (for the editor's local copy). */
	public long updatedAtMillis() {
		return this.updatedAt == null ? 0 : this.updatedAt.toEpochMilli();
	}

}
