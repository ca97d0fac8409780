package org.coachapproach.lti.launch;

import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.coachapproach.lti.LtiProperties;
import org.coachapproach.lti.http.PlatformHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Platforms' public keys, fetched from their JWKS URLs and cached. An unknown {@code kid}
 * triggers a refetch (the platform may have rotated), at most once per {@code minRefetch} per
 * URL so that tokens with made-up key ids cannot make the tool hammer the platform.
 */
@Component
class PlatformKeySets {

	private static final Logger log = LoggerFactory.getLogger(PlatformKeySets.class);

	private static final int MAX_JWKS_BYTES = 512 * 1024;

	private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, Object> fetching = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration maxAge;

	private final Duration minRefetch;

	@Autowired
	PlatformKeySets(Clock clock, LtiProperties properties) {
		this(clock, properties.lti().jwksMaxAge(), properties.lti().jwksMinRefetch());
	}

	PlatformKeySets(Clock clock, Duration maxAge, Duration minRefetch) {
		this.clock = clock;
		this.maxAge = maxAge;
		this.minRefetch = minRefetch;
	}

	/** The platform's RSA key with this id, refetching the key set once if it is not known. */
	Optional<RSAKey> key(String jwksUrl, String kid) {
		return key(jwksUrl, null, kid);
	}

	/** @param issuer the platform's issuer: a key set inside a private network only for a platform there */
	Optional<RSAKey> key(String jwksUrl, String issuer, String kid) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(jwksUrl);
		if (cached == null || cached.fetched().plus(this.maxAge).isBefore(now)) {
			cached = refetch(jwksUrl, issuer, cached, now);
		}
		Optional<RSAKey> key = find(cached, kid);
		if (key.isEmpty() && cached != null && cached.fetched().plus(this.minRefetch).isBefore(now)) {
			cached = refetch(jwksUrl, issuer, cached, now);
			key = find(cached, kid);
		}
		return key;
	}

	private static Optional<RSAKey> find(Cached cached, String kid) {
		if (cached == null || kid == null) {
			return Optional.empty();
		}
		JWK jwk = cached.keys().getKeyByKeyId(kid);
		return jwk instanceof RSAKey rsa ? Optional.of(rsa) : Optional.empty();
	}

	/**
	 * Where the platform is, for the guard on the key set's address. A key set named by a local
	 * address or name was written so by the operator or accepted so at registration, which
	 * refuses local endpoints of a platform that is not itself local. A name that only resolves
	 * to a local address (a DNS answer the platform controls) counts for nothing: the issuer
	 * decides then.
	 */
	private static String platformOf(String jwksUrl, String issuer) {
		String host = java.net.URI.create(jwksUrl).getHost();
		return issuer == null || (host != null && org.coachapproach.lti.http.LocalAddresses.isLocalName(host)) ? jwksUrl
				: issuer;
	}

	private Cached refetch(String jwksUrl, String issuer, Cached previous, Instant now) {
		// One fetch at a time per URL; concurrent launches wait for it rather than fetch again.
		synchronized (this.fetching.computeIfAbsent(jwksUrl, url -> new Object())) {
			Cached current = this.cache.get(jwksUrl);
			if (current != null && current != previous) {
				return current;
			}
			Cached fetched;
			try {
				PlatformHttp.Answer answer = PlatformHttp.send(PlatformHttp.get(jwksUrl).build(), platformOf(jwksUrl, issuer), MAX_JWKS_BYTES,
						Duration.ofSeconds(5));
				if (answer.status() != 200) {
					log.warn("Platform JWKS {} answered {}", jwksUrl, answer.status());
					fetched = keepOld(current, now);
				}
				else {
					fetched = new Cached(JWKSet.parse(answer.text()), now);
				}
			}
			catch (IOException | ParseException ex) {
				log.warn("Platform JWKS {} could not be fetched: {}", jwksUrl, ex.getMessage());
				fetched = keepOld(current, now);
			}
			this.cache.put(jwksUrl, fetched);
			return fetched;
		}
	}

	/** After a failed fetch keep the old keys, but count the attempt against the rate limit. */
	private static Cached keepOld(Cached current, Instant now) {
		return new Cached(current == null ? new JWKSet() : current.keys(), now);
	}

	private record Cached(JWKSet keys, Instant fetched) {
	}

}
