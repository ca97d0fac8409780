package org.coachapproach.demoplatform;

import java.time.Instant;

/**
 * A score the demo platform accepted, as posted: to {@code lineItemUrl}, for {@code userId}
 * (the LTI subject); {@code submission} is Canvas's submission extension as JSON, or null.
 */
public record DemoScore(String lineItemUrl, String userId, Double scoreGiven, Double scoreMaximum, String comment,
		String activityProgress, String gradingProgress, Instant timestamp, String submission, Instant receivedAt) {
}
