package org.coachapproach.demoplatform.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Checks the signature of a JWT a tool signed, against the keys the tool publishes at its
 * registered {@code jwks_uri}, fetched over HTTP. The keys are cached per URL and fetched again
 * when a JWT names a key id the cache lacks, so that a tool can rotate its keys.
 */
@Component("demoToolJwks")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class ToolJwks {

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private final Map<String, JWKSet> cache = new ConcurrentHashMap<>();

	/** The claims of {@code jwt}, once its RS256 signature holds under one of the tool's keys. */
	public JWTClaimsSet verify(SignedJWT jwt, String jwksUri) throws ToolJwtException {
		if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
			throw new ToolJwtException("The JWT must be signed with RS256, not " + jwt.getHeader().getAlgorithm());
		}
		String kid = jwt.getHeader().getKeyID();
		List<RSAKey> keys = keys(this.cache.get(jwksUri), kid);
		if (keys.isEmpty()) {
			keys = keys(fetch(jwksUri), kid);
		}
		if (keys.isEmpty()) {
			throw new ToolJwtException("The tool's JWKS at " + jwksUri + " holds no RSA key"
					+ ((kid != null) ? " with kid '" + kid + "'" : ""));
		}
		for (RSAKey key : keys) {
			try {
				if (jwt.verify(new RSASSAVerifier(key))) {
					return jwt.getJWTClaimsSet();
				}
			}
			catch (JOSEException | ParseException ex) {
				throw new ToolJwtException("The JWT could not be verified: " + ex.getMessage());
			}
		}
		throw new ToolJwtException("The JWT's signature does not match the tool's key"
				+ ((kid != null) ? " '" + kid + "'" : "s") + " at " + jwksUri);
	}

	private static List<RSAKey> keys(JWKSet set, String kid) {
		if (set == null) {
			return List.of();
		}
		return set.getKeys()
			.stream()
			.filter(RSAKey.class::isInstance)
			.filter(key -> kid == null || kid.equals(key.getKeyID()))
			.map(JWK::toRSAKey)
			.toList();
	}

	private JWKSet fetch(String jwksUri) throws ToolJwtException {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(jwksUri)).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new ToolJwtException(
						"The tool's JWKS at " + jwksUri + " answered HTTP " + response.statusCode());
			}
			JWKSet set = JWKSet.parse(response.body());
			this.cache.put(jwksUri, set);
			return set;
		}
		catch (IOException | ParseException ex) {
			throw new ToolJwtException("The tool's JWKS at " + jwksUri + " could not be read: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ToolJwtException("Interrupted while fetching the tool's JWKS");
		}
	}

}
