package org.coachapproach.demoplatform.registration;

import java.time.Instant;
import java.util.List;

/** A tool registered with the platform: its client, its one deployment and its configuration. */
public record ToolRegistration(String clientId, String deploymentId, String toolOrigin, ToolConfiguration configuration,
		Instant createdAt) {

	/** Whether {@code redirectUri} is one the tool registered, compared exactly. */
	public boolean allowsRedirectTo(String redirectUri) {
		return this.configuration.redirectUris().contains(redirectUri);
	}

	/** The service scopes granted to the tool at registration. */
	public List<String> grantedScopes() {
		return this.configuration.grantedScopes();
	}

	/** Where the tool publishes the keys it signs client assertions and deep-linking responses with. */
	public String jwksUri() {
		return this.configuration.jwksUri();
	}

}
