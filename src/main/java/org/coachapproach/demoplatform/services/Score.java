package org.coachapproach.demoplatform.services;

import java.time.Instant;

/** A score the platform accepted (AGS 2.0 §3.4), as stored; {@code submission} is Canvas's extension, as JSON. */
public record Score(long id, long lineItemId, String userId, Double scoreGiven, Double scoreMaximum, String comment,
		String activityProgress, String gradingProgress, Instant timestamp, String submission, Instant receivedAt) {
}
