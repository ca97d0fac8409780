package org.coachapproach.lti.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration maxAge;

	private final Duration minRefetch;

	PlatformKeySets(Clock clock, @Value("${coachapproach.lti.jwks-max-age:PT1H}") Duration maxAge,
			@Value("${coachapproach.lti.jwks-min-refetch:PT10S}") Duration minRefetch) {
		this.clock = clock;
		this.maxAge = maxAge;
		this.minRefetch = minRefetch;
	}

	/** The platform's RSA key with this id, refetching the key set once if it is not known. */
	Optional<RSAKey> key(String jwksUrl, String kid) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(jwksUrl);
		if (cached == null || cached.fetched().plus(this.maxAge).isBefore(now)) {
			cached = refetch(jwksUrl, cached, now);
		}
		Optional<RSAKey> key = find(cached, kid);
		if (key.isEmpty() && cached != null && cached.fetched().plus(this.minRefetch).isBefore(now)) {
			cached = refetch(jwksUrl, cached, now);
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

	private Cached refetch(String jwksUrl, Cached previous, Instant now) {
		// One fetch at a time per URL; concurrent launches wait for it rather than fetch again.
		return this.cache.compute(jwksUrl, (url, current) -> {
			if (current != null && current != previous) {
				return current;
			}
			try {
				HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
					.timeout(Duration.ofSeconds(5))
					.header("Accept", "application/json")
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200 || response.body().length > MAX_JWKS_BYTES) {
					log.warn("Platform JWKS {} answered {} ({} bytes)", url, response.statusCode(), response.body().length);
					return keepOld(current, now);
				}
				return new Cached(JWKSet.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)), now);
			}
			catch (IOException | ParseException ex) {
				log.warn("Platform JWKS {} could not be fetched: {}", url, ex.getMessage());
				return keepOld(current, now);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return keepOld(current, now);
			}
		});
	}

	/** After a failed fetch keep the old keys, but count the attempt against the rate limit. */
	private static Cached keepOld(Cached current, Instant now) {
		return new Cached(current == null ? new JWKSet() : current.keys(), now);
	}

	private record Cached(JWKSet keys, Instant fetched) {
	}

}
