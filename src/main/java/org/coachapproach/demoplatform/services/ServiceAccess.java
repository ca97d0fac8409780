package org.coachapproach.demoplatform.services;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Checks the bearer token of a service request (RFC 6750): 401 with {@code WWW-Authenticate}
 * when it is missing, unknown or expired; 403 when it lacks every scope the endpoint accepts.
 */
@Component("demoServiceAccess")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class ServiceAccess {

	private final AccessTokens tokens;

	ServiceAccess(AccessTokens tokens) {
		this.tokens = tokens;
	}

	/** The token's holder, when it holds one of {@code anyOf}; else a refusal is thrown. */
	public AccessTokens.Holder require(String authorization, String... anyOf) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				|| authorization.substring(7).isBlank()) {
			throw new ServiceRefusal(401, "Send an access token from /demo/token as 'Authorization: Bearer <token>'",
					"Bearer realm=\"demo\"");
		}
		Optional<AccessTokens.Holder> holder = this.tokens.find(authorization.substring(7).strip());
		if (holder.isEmpty()) {
			throw new ServiceRefusal(401, "The access token is unknown or expired: get a new one",
					"Bearer realm=\"demo\", error=\"invalid_token\", error_description=\"unknown or expired\"");
		}
		List<String> accepted = Arrays.asList(anyOf);
		if (holder.get().scopes().stream().noneMatch(accepted::contains)) {
			throw new ServiceRefusal(403, "The access token lacks the scope this needs: " + String.join(" or ", accepted),
					"Bearer realm=\"demo\", error=\"insufficient_scope\", scope=\"" + String.join(" ", accepted) + "\"");
		}
		return holder.get();
	}

}
