package org.coachapproach.lti.registration;

import java.util.Set;

/**
 * A platform the tool trusts: issuer plus client id, with the platform's endpoints.
 *
 * @param allowNewDeployments accept launches from deployments not yet known (Canvas creates one
 * per account or course install) and remember them
 * @param frameOrigins origins allowed to frame the tool (CSP {@code frame-ancestors})
 */
public record Registration(long id, String issuer, String clientId, String platformName, String authEndpoint,
		String tokenEndpoint, String jwksUrl, boolean allowNewDeployments, Set<String> frameOrigins) {

	public Registration {
		frameOrigins = Set.copyOf(frameOrigins);
	}

}
