package org.coachapproach.demoplatform.services;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.coachapproach.demoplatform.course.DemoSites;
import org.coachapproach.demoplatform.registration.AdvantageScopes;
import org.coachapproach.demoplatform.registration.ToolRegistration;
import org.coachapproach.demoplatform.registration.ToolRegistrations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The token endpoint's work (LTI Security Framework 1.0 §4.1, RFC 6749 §4.4, RFC 7523 §2.2 and
 * §3): a client-credentials grant authenticated by a JWT the tool signed with its own key. The
 * assertion names the client ({@code iss} = {@code sub} = client id), is meant for this
 * endpoint ({@code aud}: its URL, or the platform's issuer, as Canvas accepts), is current and
 * is used once ({@code jti}). The scopes asked for must be among those granted at registration.
 */
@Component("demoTokenGrant")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class TokenGrant {

	public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	/** Tolerated clock difference with the tool. */
	public static final Duration SKEW = Duration.ofSeconds(60);

	/** The longest an assertion may be valid for; a longer one is refused. */
	static final Duration MAX_ASSERTION_LIFETIME = Duration.ofHours(1);

	private final DemoSites sites;

	private final ToolRegistrations registrations;

	private final ToolJwks keys;

	private final UsedValues used;

	private final AccessTokens tokens;

	TokenGrant(DemoSites sites, ToolRegistrations registrations, ToolJwks keys, UsedValues used, AccessTokens tokens) {
		this.sites = sites;
		this.registrations = registrations;
		this.keys = keys;
		this.used = used;
		this.tokens = tokens;
	}

	public sealed interface Outcome permits Issued, Refused {
	}

	/** RFC 6749 §5.1. */
	public record Issued(String accessToken, String scope, long expiresIn) implements Outcome {
	}

	/** RFC 6749 §5.2: 400, or 401 for a client that did not authenticate. */
	public record Refused(int status, String error, String description) implements Outcome {
	}

	public Outcome grant(Map<String, String> form) {
		String grantType = form.get("grant_type");
		if (grantType == null || grantType.isBlank()) {
			return new Refused(400, "invalid_request", "grant_type is missing: send grant_type=client_credentials");
		}
		if (!"client_credentials".equals(grantType)) {
			return new Refused(400, "unsupported_grant_type",
					"Only grant_type=client_credentials is supported, not '" + grantType + "'");
		}
		if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
			return invalidClient("client_assertion_type must be " + JWT_BEARER);
		}
		String assertion = form.get("client_assertion");
		if (assertion == null || assertion.isBlank()) {
			return invalidClient("client_assertion is missing: send a JWT signed with the tool's key");
		}
		SignedJWT jwt;
		JWTClaimsSet unverified;
		try {
			jwt = SignedJWT.parse(assertion);
			unverified = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			return invalidClient("client_assertion is not a signed JWT: " + ex.getMessage());
		}
		String clientId = unverified.getIssuer();
		if (clientId == null || !clientId.equals(unverified.getSubject())) {
			return invalidClient("The assertion's iss and sub must both be the client id");
		}
		Optional<ToolRegistration> registration = this.registrations.findByClientId(clientId);
		if (registration.isEmpty()) {
			return invalidClient("No tool is registered here under client id '" + clientId + "'");
		}
		JWTClaimsSet claims;
		try {
			claims = this.keys.verify(jwt, registration.get().jwksUri());
		}
		catch (ToolJwtException ex) {
			return invalidClient(ex.getMessage());
		}
		String tokenEndpoint = this.sites.platform("/demo/token");
		List<String> audience = claims.getAudience();
		if (audience == null
				|| audience.stream().noneMatch(aud -> aud.equals(tokenEndpoint) || aud.equals(this.sites.issuer()))) {
			return invalidClient("The assertion's aud must be the token endpoint " + tokenEndpoint);
		}
		Instant now = Instant.now();
		Date expires = claims.getExpirationTime();
		Date issued = claims.getIssueTime();
		if (expires == null || expires.toInstant().isBefore(now.minus(SKEW))) {
			return invalidClient("The assertion has expired (or has no exp)");
		}
		if (issued == null || issued.toInstant().isAfter(now.plus(SKEW))) {
			return invalidClient("The assertion's iat is missing or in the future");
		}
		if (Duration.between(issued.toInstant(), expires.toInstant()).compareTo(MAX_ASSERTION_LIFETIME) > 0) {
			return invalidClient("The assertion is valid for more than an hour (exp - iat)");
		}
		String jti = claims.getJWTID();
		if (jti == null || jti.isBlank() || jti.length() > 255) {
			return invalidClient("The assertion needs a jti (a unique id of at most 255 characters)");
		}
		List<String> requested = AdvantageScopes.parse(form.get("scope"));
		if (requested.isEmpty()) {
			return new Refused(400, "invalid_scope", "scope is missing: name the service scopes needed");
		}
		List<String> granted = registration.get().grantedScopes();
		List<String> refused = requested.stream().filter(scope -> !granted.contains(scope)).toList();
		if (!refused.isEmpty()) {
			return new Refused(400, "invalid_scope",
					"Not granted to this tool: " + String.join(" ", refused) + "; granted: " + String.join(" ", granted));
		}
		// Last, so that an assertion refused for another reason can be corrected and sent again.
		if (!this.used.use(UsedValues.ASSERTION_JTI, clientId, jti, expires.toInstant().plus(SKEW))) {
			return invalidClient("The assertion's jti was used before: sign a new assertion for each request");
		}
		return new Issued(this.tokens.issue(clientId, requested), String.join(" ", requested),
				AccessTokens.LIFETIME.toSeconds());
	}

	private static Refused invalidClient(String description) {
		return new Refused(401, "invalid_client", description);
	}

}
