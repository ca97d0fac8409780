package org.coachapproach.lti.registration;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.coachapproach.lti.http.ToolUrls;

import org.springframework.util.StringUtils;

/**
 * What is needed to register a platform, from a file, a command or Dynamic Registration;
 * {@link #problems()} says what is wrong with it.
 *
 * @param grantedScopes the scopes the platform granted, when it said (Dynamic Registration); null otherwise
 */
public record RegistrationRequest(String issuer, String clientId, String platformName, String authEndpoint,
		String tokenEndpoint, String jwksUrl, List<String> deploymentIds, boolean allowNewDeployments,
		Set<String> frameOrigins, String source, Set<String> grantedScopes) {

	public RegistrationRequest {
		deploymentIds = deploymentIds == null ? List.of() : List.copyOf(deploymentIds);
		frameOrigins = frameOrigins == null ? Set.of() : Set.copyOf(frameOrigins);
		grantedScopes = grantedScopes == null ? null : Set.copyOf(grantedScopes);
	}

	/** A registration whose granted scopes nobody reported (a file, a command, a preset). */
	public RegistrationRequest(String issuer, String clientId, String platformName, String authEndpoint,
			String tokenEndpoint, String jwksUrl, List<String> deploymentIds, boolean allowNewDeployments,
			Set<String> frameOrigins, String source) {
		this(issuer, clientId, platformName, authEndpoint, tokenEndpoint, jwksUrl, deploymentIds,
				allowNewDeployments, frameOrigins, source, null);
	}

	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		url(problems, "issuer", this.issuer, true);
		if (!StringUtils.hasText(this.clientId)) {
			problems.add("client_id is required");
		}
		url(problems, "auth_endpoint", this.authEndpoint, true);
		url(problems, "jwks_url", this.jwksUrl, true);
		url(problems, "token_endpoint", this.tokenEndpoint, false);
		this.frameOrigins.forEach(origin -> {
			if (!origin.matches("https://(\\*\\.)?[A-Za-z0-9.-]+(:\\d+)?|http://(localhost|127\\.0\\.0\\.1)(:\\d+)?")) {
				problems.add("frame origin '" + origin + "' is not an https origin");
			}
		});
		this.deploymentIds.stream().filter(id -> !StringUtils.hasText(id) || id.length() > 255)
			.forEach(id -> problems.add("deployment id '" + id + "' must be 1 to 255 characters"));
		return problems;
	}

	/** Origins the platform frames the tool from, at least those of its issuer and login page. */
	Set<String> allFrameOrigins() {
		Set<String> origins = new LinkedHashSet<>(this.frameOrigins);
		for (String url : List.of(this.issuer, this.authEndpoint)) {
			String origin = ToolUrls.origin(url);
			if (origin != null) {
				origins.add(origin);
			}
		}
		return origins;
	}

	private static void url(List<String> problems, String name, String value, boolean required) {
		if (!StringUtils.hasText(value)) {
			if (required) {
				problems.add(name + " is required");
			}
			return;
		}
		try {
			java.net.URI uri = java.net.URI.create(value);
			if (uri.getHost() == null || !("https".equals(uri.getScheme())
					|| ("http".equals(uri.getScheme()) && ToolUrls.isLoopback(uri.getHost())))) {
				problems.add(name + " must be an https URL (plain http only on loopback): " + value);
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(name + " is not a URL: " + value);
		}
	}

}
