package org.coachapproach.lti.registration;

import java.util.List;
import java.util.Set;

/**
 * A platform the tool trusts: issuer plus client id, with the platform's endpoints.
 *
 * @param allowNewDeployments accept launches from deployments not yet known (Canvas creates one
 * per account or course install) and remember them
 * @param frameOrigins origins allowed to frame the tool (CSP {@code frame-ancestors})
 * @param grantedScopes the service scopes the platform granted at Dynamic Registration; null when
 * not known (a manual developer key or a file), and then every scope the key asks for is assumed
 */
public record Registration(long id, String issuer, String clientId, String platformName, String authEndpoint,
		String tokenEndpoint, String jwksUrl, boolean allowNewDeployments, Set<String> frameOrigins,
		Set<String> grantedScopes) {

	/** The service scopes the tool asks a platform for, in the Canvas developer key and at Dynamic Registration. */
	public static final List<String> SCOPES = List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
			"https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
			"https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
			"https://purl.imsglobal.org/spec/lti-ags/scope/score",
			"https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

	public Registration {
		frameOrigins = Set.copyOf(frameOrigins);
		grantedScopes = grantedScopes == null ? null : Set.copyOf(grantedScopes);
	}

	/** Whether the platform lets the tool use this service scope (assumed so when not known). */
	public boolean grants(String scope) {
		return this.grantedScopes == null || this.grantedScopes.contains(scope);
	}

}
