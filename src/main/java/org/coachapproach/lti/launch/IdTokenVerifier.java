package org.coachapproach.lti.launch;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.coachapproach.lti.LtiProperties;
import org.coachapproach.lti.http.ToolUrls;
import org.coachapproach.lti.launch.LoginStates.LoginState;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.CourseRole;

import org.springframework.stereotype.Component;

/**
 * Checks an LTI 1.3 id_token completely (Security Framework 1.0 §5.1.3, LTI Core 1.3 §5):
 * RS256 signature by a registered platform's key, issuer, audience and authorized party,
 * expiry and issue time with a small skew, the login's state and nonce (never seen before),
 * deployment, message type, version, target link and required claims.
 */
@Component
class IdTokenVerifier {

	static final int MAX_TOKEN_CHARS = 32 * 1024;

	private static final Set<String> MESSAGE_TYPES = Set.of(LtiClaims.RESOURCE_LINK_REQUEST,
			LtiClaims.DEEP_LINKING_REQUEST);

	private final Registrations registrations;

	private final PlatformKeySets keys;

	private final LoginStates states;

	private final SpentLogins refusals;

	private final Clock clock;

	private final Duration skew;

	IdTokenVerifier(Registrations registrations, PlatformKeySets keys, LoginStates states, SpentLogins refusals,
			Clock clock, LtiProperties properties) {
		Duration skew = properties.lti().clockSkew();
		this.registrations = registrations;
		this.keys = keys;
		this.states = states;
		this.refusals = refusals;
		this.clock = clock;
		this.skew = skew;
	}

	/**
	 * @param toolBase the tool's public base URL, which {@code target_link_uri} must point into
	 * @throws LaunchRefusedException with the first reason the token fails
	 */
	VerifiedLaunch verify(String idToken, String state, String toolBase) {
		if (state == null || state.isBlank()) {
			throw LaunchRefusedException.badRequest("missing_state", "no state parameter");
		}
		if (idToken == null || idToken.isBlank()) {
			throw LaunchRefusedException.badRequest("missing_token", "no id_token parameter");
		}
		if (idToken.length() > MAX_TOKEN_CHARS) {
			throw LaunchRefusedException.badRequest("token_too_large", idToken.length() + " characters");
		}
		SignedJWT jwt = signedJwt(idToken);
		JWTClaimsSet claims = claims(jwt);

		Registration registration = registration(claims);
		LoginState login = this.states.find(state)
			.orElseThrow(() -> LaunchRefusedException.unauthorized("unknown_state", "state unknown, used or expired"));
		if (login.registrationId() != registration.id()) {
			throw LaunchRefusedException.unauthorized("state_mismatch", "state began for another registration");
		}
		verifySignature(jwt, registration);

		// From here the token is the platform's own: whatever follows uses up its nonce and the state.
		String nonce = text(claims, "nonce");
		if (nonce == null) {
			this.refusals.spend(login, null, null);
			throw LaunchRefusedException.unauthorized("missing_nonce", "no nonce claim");
		}
		Instant keepNonceUntil = keepNonceUntil(claims);
		try {
			// Using the nonce up is the check that it is new: the primary key decides between two
			// requests racing with the same token, in one statement instead of a read and an insert.
			if (!this.states.recordNonce(nonce, keepNonceUntil)) {
				throw LaunchRefusedException.unauthorized("replayed_nonce", "nonce seen before");
			}
			checkTimes(claims);
			if (!nonce.equals(login.nonce())) {
				throw LaunchRefusedException.unauthorized("nonce_mismatch", "nonce is not the login's");
			}
			checkMessage(claims, toolBase);
			String deployment = deployment(claims, registration);
			return new VerifiedLaunch(registration, deployment, login, claims, keepNonceUntil);
		}
		catch (LaunchRefusedException ex) {
			this.refusals.spend(login, nonce, keepNonceUntil);
			throw ex;
		}
	}

	private static SignedJWT signedJwt(String idToken) {
		JWT jwt;
		try {
			jwt = JWTParser.parse(idToken.trim());
		}
		catch (ParseException ex) {
			throw LaunchRefusedException.badRequest("malformed_token", ex.getMessage());
		}
		if (!(jwt instanceof SignedJWT signed)) {
			throw LaunchRefusedException.unauthorized("unsigned_token", "alg " + jwt.getHeader().getAlgorithm());
		}
		if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
			throw LaunchRefusedException.unauthorized("algorithm_not_allowed", "alg " + signed.getHeader().getAlgorithm());
		}
		return signed;
	}

	private static JWTClaimsSet claims(SignedJWT jwt) {
		try {
			return jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			throw LaunchRefusedException.badRequest("malformed_token", ex.getMessage());
		}
	}

	/** The registration the token is for: a known issuer, and a client id among the audience. */
	private Registration registration(JWTClaimsSet claims) {
		String issuer = claims.getIssuer();
		if (issuer == null) {
			throw LaunchRefusedException.badRequest("missing_claim", "iss");
		}
		List<Registration> candidates = this.registrations.findByIssuer(issuer);
		if (candidates.isEmpty()) {
			throw LaunchRefusedException.forbidden("unknown_issuer", issuer);
		}
		List<String> audience = claims.getAudience();
		if (audience == null || audience.isEmpty()) {
			throw LaunchRefusedException.unauthorized("wrong_audience", "no aud");
		}
		String azp = text(claims, "azp");
		if (audience.size() > 1 && azp == null) {
			throw LaunchRefusedException.unauthorized("missing_azp", "several audiences " + audience + " and no azp");
		}
		if (azp != null && !audience.contains(azp)) {
			throw LaunchRefusedException.unauthorized("wrong_azp", "azp " + azp + " not in aud " + audience);
		}
		String clientId = azp != null ? azp : audience.get(0);
		return candidates.stream()
			.filter(r -> r.clientId().equals(clientId))
			.findFirst()
			.orElseThrow(() -> LaunchRefusedException.unauthorized("wrong_audience",
					"aud " + audience + " names no client of " + issuer));
	}

	private void verifySignature(SignedJWT jwt, Registration registration) {
		String kid = jwt.getHeader().getKeyID();
		RSAKey key = this.keys.key(registration.jwksUrl(), registration.issuer(), kid)
			.orElseThrow(() -> LaunchRefusedException.unauthorized("unknown_key",
					"kid " + kid + " not in " + registration.jwksUrl()));
		try {
			if (!jwt.verify(new RSASSAVerifier(key))) {
				throw LaunchRefusedException.unauthorized("bad_signature", "signature does not verify with kid " + kid);
			}
		}
		catch (JOSEException ex) {
			throw LaunchRefusedException.unauthorized("bad_signature", ex.getMessage());
		}
	}

	private void checkTimes(JWTClaimsSet claims) {
		Instant now = this.clock.instant();
		Date exp = claims.getExpirationTime();
		Date iat = claims.getIssueTime();
		if (exp == null) {
			throw LaunchRefusedException.badRequest("missing_claim", "exp");
		}
		if (iat == null) {
			throw LaunchRefusedException.badRequest("missing_claim", "iat");
		}
		if (exp.toInstant().plus(this.skew).isBefore(now)) {
			throw LaunchRefusedException.unauthorized("expired", "exp " + exp.toInstant() + ", now " + now);
		}
		if (iat.toInstant().minus(this.skew).isAfter(now)) {
			throw LaunchRefusedException.unauthorized("issued_in_future", "iat " + iat.toInstant() + ", now " + now);
		}
	}

	private static void checkMessage(JWTClaimsSet claims, String toolBase) {
		String version = text(claims, LtiClaims.VERSION);
		if (!"1.3.0".equals(version)) {
			throw LaunchRefusedException.badRequest("wrong_version", "version " + version);
		}
		String type = text(claims, LtiClaims.MESSAGE_TYPE);
		if (type == null) {
			throw LaunchRefusedException.badRequest("missing_claim", LtiClaims.MESSAGE_TYPE);
		}
		if (!MESSAGE_TYPES.contains(type)) {
			throw LaunchRefusedException.badRequest("unsupported_message_type", type);
		}
		String target = text(claims, LtiClaims.TARGET_LINK_URI);
		if (target == null) {
			throw LaunchRefusedException.badRequest("missing_claim", LtiClaims.TARGET_LINK_URI);
		}
		if (!(target.equals(toolBase) || target.startsWith(toolBase + "/"))) {
			throw LaunchRefusedException.badRequest("foreign_target", target + " is not under " + toolBase);
		}
		if (claims.getSubject() == null || claims.getSubject().isBlank()) {
			throw LaunchRefusedException.badRequest("missing_claim", "sub");
		}
		if (!(claims.getClaim(LtiClaims.ROLES) instanceof List<?>)) {
			throw LaunchRefusedException.badRequest("missing_claim", LtiClaims.ROLES);
		}
		if (type.equals(LtiClaims.DEEP_LINKING_REQUEST)) {
			checkDeepLinking(claims);
			return;
		}
		Object link = claims.getClaim(LtiClaims.RESOURCE_LINK);
		if (!(link instanceof Map<?, ?> resourceLink) || !(resourceLink.get("id") instanceof String id) || id.isBlank()) {
			throw LaunchRefusedException.badRequest("missing_claim", LtiClaims.RESOURCE_LINK + ".id");
		}
	}

	/**
	 * Deep Linking 2.0 §4.4: a return URL to post the chosen items to; and only someone who
	 * builds the course may place content (a Learner's request is refused).
	 */
	private static void checkDeepLinking(JWTClaimsSet claims) {
		Object settings = claims.getClaim(LtiClaims.DEEP_LINKING_SETTINGS);
		if (!(settings instanceof Map<?, ?> map) || !(map.get("deep_link_return_url") instanceof String url)
				|| url.isBlank()) {
			throw LaunchRefusedException.badRequest("missing_return_url", LtiClaims.DEEP_LINKING_SETTINGS);
		}
		try {
			ToolUrls.requireSecure(java.net.URI.create(url));
		}
		catch (IllegalArgumentException | ToolUrls.InsecureUrlException ex) {
			throw LaunchRefusedException.badRequest("missing_return_url", "deep_link_return_url " + url);
		}
		if (url.length() > 2048) {
			throw LaunchRefusedException.badRequest("missing_return_url", "deep_link_return_url too long");
		}
		Set<CourseRole> roles = LtiRoles
			.map(claims.getClaim(LtiClaims.ROLES) instanceof List<?> list ? list : List.of());
		if (!(roles.contains(CourseRole.INSTRUCTOR)
				|| roles.contains(CourseRole.CONTENT_DEVELOPER)
				|| roles.contains(CourseRole.TEACHING_ASSISTANT)
				|| roles.contains(CourseRole.ADMINISTRATOR))) {
			throw LaunchRefusedException.forbidden("learner_deep_linking", "roles " + claims.getClaim(LtiClaims.ROLES));
		}
	}

	private String deployment(JWTClaimsSet claims, Registration registration) {
		String deployment = text(claims, LtiClaims.DEPLOYMENT_ID);
		if (deployment == null || deployment.isBlank()) {
			throw LaunchRefusedException.badRequest("missing_claim", LtiClaims.DEPLOYMENT_ID);
		}
		if (!this.registrations.hasDeployment(registration, deployment)) {
			if (!registration.allowNewDeployments() || deployment.length() > 255) {
				throw LaunchRefusedException.forbidden("unknown_deployment", deployment);
			}
			this.registrations.addDeployment(registration, deployment);
		}
		return deployment;
	}

	private Instant keepNonceUntil(JWTClaimsSet claims) {
		Instant floor = this.clock.instant().plus(this.skew).plus(Duration.ofMinutes(10));
		Instant exp = Optional.ofNullable(claims.getExpirationTime()).map(Date::toInstant).orElse(floor);
		Instant keep = exp.plus(this.skew);
		Instant cap = this.clock.instant().plus(Duration.ofDays(2));
		return keep.isBefore(floor) ? floor : keep.isAfter(cap) ? cap : keep;
	}

	static String text(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		return value instanceof String text ? text : null;
	}

}
