package org.coachapproach.lti.services;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.lti.http.PlatformHttp;
import org.coachapproach.lti.keys.ToolKeys;
import org.coachapproach.lti.registration.Registration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Access tokens for a platform's services (Security Framework 1.0 §4.1): the client-credentials
 * grant with a JWT client assertion signed by the tool's key (RFC 7523). Tokens are kept per
 * registration and scope set until a minute before they expire.
 */
@Component
public class ServiceTokens {

	static final Duration EARLY = Duration.ofSeconds(60);

	private static final int MAX_ANSWER_BYTES = 64 * 1024;

	private final ToolKeys keys;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	ServiceTokens(ToolKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	private record Token(String value, Instant refreshAt) {
	}

	/**
	 * A token good for {@code scopes}, from the cache or freshly granted.
	 * @throws ServiceCallException (403, not retried) without calling the platform when it did not
	 * grant one of the scopes at registration: asking could only be refused
	 */
	public String token(Registration registration, Set<String> scopes) throws ServiceCallException {
		requireGranted(registration, scopes);
		String key = key(registration, scopes);
		Token cached = this.tokens.get(key);
		if (cached != null && this.clock.instant().isBefore(cached.refreshAt())) {
			return cached.value();
		}
		Token fresh = grant(registration, scopes);
		this.tokens.put(key, fresh);
		return fresh.value();
	}

	/**
	 * Refuses (403, not retried) when the platform did not grant one of the scopes at
	 * registration: calling it could only be refused.
	 */
	public static void requireGranted(Registration registration, Set<String> scopes) throws ServiceCallException {
		List<String> missing = scopes.stream().filter(scope -> !registration.grants(scope)).sorted().toList();
		if (!missing.isEmpty()) {
			throw new ServiceCallException(403, SCOPE_NOT_GRANTED + String.join(" ", missing), null);
		}
	}

	/** How a refusal for a scope the platform did not grant begins (a failed row's reason shows it). */
	public static final String SCOPE_NOT_GRANTED = "Scope not granted by the platform at registration: ";

	/** Drops a token the platform no longer accepts (a 401 before its expiry). */
	public void forget(Registration registration, Set<String> scopes) {
		this.tokens.remove(key(registration, scopes));
	}

	/** Drops every token of the registration. */
	public void forget(Registration registration) {
		this.tokens.keySet().removeIf(key -> key.startsWith(registration.id() + " "));
	}

	private Token grant(Registration registration, Set<String> scopes) throws ServiceCallException {
		String endpoint = registration.tokenEndpoint();
		if (endpoint == null || endpoint.isBlank()) {
			throw new ServiceCallException(400, "Registration " + registration.id() + " has no token endpoint", null);
		}
		Instant now = this.clock.instant();
		String assertion = this.keys.sign(new JWTClaimsSet.Builder().issuer(registration.clientId())
			.subject(registration.clientId())
			.audience(endpoint)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.build());
		String form = form(Map.of("grant_type", "client_credentials", "client_assertion_type",
				"urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion, "scope",
				String.join(" ", new TreeSet<>(scopes))));
		HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.timeout(ServiceCalls.DEADLINE)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		PlatformHttp.Answer answer = ServiceCalls.call(registration, request, MAX_ANSWER_BYTES, this.clock);
		JsonNode body;
		try {
			body = this.json.readTree(answer.body());
		}
		catch (RuntimeException ex) {
			throw new ServiceCallException(502, "Token endpoint answered something other than JSON", null);
		}
		String token = body.path("access_token").asString(null);
		if (token == null || token.isBlank()) {
			throw new ServiceCallException(502, "Token endpoint answered without access_token", null);
		}
		long expiresIn = body.path("expires_in").asLong(3600);
		Duration lifetime = Duration.ofSeconds(Math.max(0, expiresIn));
		Instant refreshAt = now.plus(lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? lifetime.minus(EARLY) : lifetime.dividedBy(2));
		return new Token(token, refreshAt);
	}

	private static String key(Registration registration, Set<String> scopes) {
		return registration.id() + " " + new TreeSet<>(scopes);
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
