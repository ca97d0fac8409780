package org.coachapproach.lti.placement;

import java.time.Instant;

import org.coachapproach.people.PersonId;

/**
 * An instructor's open request to place content: where to post the answer, what the platform
 * accepts, and the opaque {@code data} to echo.
 */
public record DeepLinkingRequest(String id, long registrationId, String deploymentId, PersonId person, String returnUrl,
		String data, boolean acceptMultiple, boolean acceptLineItem, String title, Instant expiresAt,
		Instant answeredAt) {

	public boolean open(Instant now) {
		return this.answeredAt == null && now.isBefore(this.expiresAt);
	}

}
