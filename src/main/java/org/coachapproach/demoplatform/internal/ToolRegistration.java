package org.coachapproach.demoplatform.internal;

import java.time.Instant;

/** A tool registered with the platform: its client, its one deployment and its configuration. */
public record ToolRegistration(String clientId, String deploymentId, String toolOrigin, ToolConfiguration configuration,
		Instant createdAt) {

	/** Whether {@code redirectUri} is one the tool registered, compared exactly. */
	public boolean allowsRedirectTo(String redirectUri) {
		return this.configuration.redirectUris().contains(redirectUri);
	}

}
