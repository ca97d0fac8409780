package org.coachapproach.lti.registration;

import java.util.Locale;
import java.util.Set;

/** Endpoints of hosted platforms, so an administrator only supplies the client id. */
enum PlatformPreset {

	/** Instructure-hosted Canvas: the same issuer and endpoints for every hosted school. */
	CANVAS_CLOUD;

	RegistrationRequest fill(String environment, String clientId, java.util.List<String> deployments,
			boolean allowNewDeployments, Set<String> frameOrigins, String source) {
		String env = environment == null ? "production" : environment.toLowerCase(Locale.ROOT);
		String prefix = switch (env) {
			case "production" -> "";
			case "beta" -> "beta.";
			case "test" -> "test.";
			default -> throw new InvalidRegistrationException(
					java.util.List.of("environment must be production, beta or test, not '" + environment + "'"));
		};
		String sso = "https://sso." + prefix + "canvaslms.com";
		java.util.Set<String> origins = new java.util.LinkedHashSet<>(frameOrigins);
		origins.add("https://*." + prefix + "instructure.com");
		return new RegistrationRequest("https://canvas." + prefix + "instructure.com", clientId, "Canvas (" + env + ")",
				sso + "/api/lti/authorize_redirect", sso + "/login/oauth2/token", sso + "/api/lti/security/jwks",
				deployments, allowNewDeployments, origins, source);
	}

	static PlatformPreset named(String name) {
		if ("canvas-cloud".equals(name)) {
			return CANVAS_CLOUD;
		}
		throw new InvalidRegistrationException(java.util.List.of("unknown preset '" + name + "' (known: canvas-cloud)"));
	}

}
