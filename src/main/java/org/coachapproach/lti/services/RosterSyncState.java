package org.coachapproach.lti.services;

import java.time.Instant;

/**
 * A course's latest roster sync request, as staff see it.
 *
 * @param status where it is
 * @param attempts attempts made so far (a claim counts as one)
 * @param requestedAt when it was asked for (a request merged into a pending one keeps the first time)
 * @param nextAttemptAt when a pending sync runs (after a failed attempt, its retry)
 * @param finishedAt when it completed ({@code DONE} only)
 * @param lastError what the last failed attempt said
 */
public record RosterSyncState(Status status, int attempts, Instant requestedAt, Instant nextAttemptAt,
		Instant finishedAt, String lastError) {

	public enum Status {

		PENDING, RUNNING, DONE, FAILED

	}

	/** A pending sync whose earlier attempt failed: it is waiting for its retry. */
	public boolean retrying() {
		return this.status == Status.PENDING && this.attempts > 0;
	}

}
