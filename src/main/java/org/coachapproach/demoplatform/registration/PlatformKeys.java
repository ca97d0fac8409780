package org.coachapproach.demoplatform.registration;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's RSA signing keys, kept in the database as JWK JSON so that every instance and
 * every restart signs with the same key. The first start generates one.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class PlatformKeys {

	private final JdbcClient jdbc;

	private volatile RSAKey signingKey;

	PlatformKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The public keys, each with {@code kid}, {@code alg: RS256} and {@code use: sig}. */
	public Map<String, Object> jwks() {
		List<JWK> keys = this.jdbc.sql("SELECT jwk FROM demo_platform_key ORDER BY created_at, kid")
			.query(String.class)
			.list()
			.stream()
			.map(PlatformKeys::parse)
			.map(JWK::toPublicJWK)
			.toList();
		return new JWKSet(keys).toJSONObject(true);
	}

	/** Signs the claims with RS256, naming the key in the header's {@code kid}. */
	public String sign(JWTClaimsSet claims) {
		RSAKey key = signingKey();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign with the demo platform key " + key.getKeyID(), ex);
		}
		return jwt.serialize();
	}

	/** Creates the first key at start-up rather than on the first launch. */
	@EventListener(ApplicationReadyEvent.class)
	void ensureSigningKey() {
		signingKey();
	}

	RSAKey signingKey() {
		RSAKey key = this.signingKey;
		if (key == null) {
			synchronized (this) {
				key = this.signingKey;
				if (key == null) {
					key = oldestOrNew();
					this.signingKey = key;
				}
			}
		}
		return key;
	}

	private RSAKey oldestOrNew() {
		if (oldest() == null) {
			RSAKey generated = generate();
			this.jdbc.sql("INSERT INTO demo_platform_key (kid, jwk, created_at) VALUES (?, ?, ?)")
				.params(generated.getKeyID(), generated.toJSONString(), Timestamp.from(Instant.now()))
				.update();
		}
		// Two instances starting together may both generate one: both then sign with the oldest.
		return oldest();
	}

	private RSAKey oldest() {
		return this.jdbc.sql("SELECT jwk FROM demo_platform_key ORDER BY created_at, kid LIMIT 1")
			.query(String.class)
			.optional()
			.map(json -> parse(json).toRSAKey())
			.orElse(null);
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate the demo platform's RSA key", ex);
		}
	}

	private static JWK parse(String json) {
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored demo platform key is not a JWK", ex);
		}
	}

}
