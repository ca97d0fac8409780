package org.coachapproach.lti.keys;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.coachapproach.lti.LtiProperties;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tool's RSA signing keys, kept in the database so every instance signs with the same key.
 * The newest key signs; a retired key stays published for {@code retention} so tokens it
 * signed can be verified until they expire.
 */
@Service
public class ToolKeys {

	private static final Logger log = LoggerFactory.getLogger(ToolKeys.class);

	private final ToolKeyRecords records;

	private final Clock clock;

	private final Duration rotationPeriod;

	private final Duration retention;

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

	private final KeyEncryption encryption;

	ToolKeys(ToolKeyRecords records, KeyEncryption encryption, Clock clock, LtiProperties properties) {
		this.records = records;
		this.encryption = encryption;
		this.clock = clock;
		this.rotationPeriod = properties.lti().keyRotationPeriod();
		this.retention = properties.lti().retiredKeyRetention();
	}

	/** The key that signs the tool's messages now (private part included). */
	public RSAKey signingKey() {
		return current().signing();
	}

	/** Signs a message of the tool's (RS256, with the signing key's {@code kid}) in compact form. */
	public String sign(com.nimbusds.jwt.JWTClaimsSet claims) {
		RSAKey key = signingKey();
		try {
			com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
					new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID(key.getKeyID())
						.type(com.nimbusds.jose.JOSEObjectType.JWT)
						.build(),
					claims);
			jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
			return jwt.serialize();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException("Signing with the tool key failed", ex);
		}
	}

	/** The public keys to publish: the signing key and retired keys still in retention. */
	public JWKSet publicKeys() {
		return current().published();
	}

	/** Generates a new signing key and retires the current one. */
	@Transactional
	public RSAKey rotate() {
		Instant now = this.clock.instant();
		this.records.retireAll(now);
		RSAKey key = generate();
		this.records.add(key.getKeyID(), this.encryption.seal(key.toJSONString()), now);
		this.snapshot.set(null);
		log.info("Tool signing key rotated: now {}", key.getKeyID());
		return key;
	}

	/** Sees keys other instances generated or rotated within a minute. */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void reload() {
		this.snapshot.set(null);
	}

	/** Rotates when the signing key is older than the rotation period; reloads what others did. */
	@SchedulerLock(name = "tool-key-rotation", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
	void rotateWhenDue() {
		this.snapshot.set(null);
		if (current().signingCreated().plus(this.rotationPeriod).isBefore(this.clock.instant())) {
			rotate();
		}
	}

	private Snapshot current() {
		Snapshot current = this.snapshot.get();
		if (current == null) {
			current = load();
			this.snapshot.set(current);
		}
		return current;
	}

	private synchronized Snapshot load() {
		List<StoredKey> keys = stored();
		if (keys.stream().noneMatch(k -> k.retiredAt() == null)) {
			log.info("No tool signing key yet: generating one");
			rotate();
			keys = stored();
		}
		Instant cutoff = this.clock.instant().minus(this.retention);
		StoredKey signing = keys.stream().filter(k -> k.retiredAt() == null).findFirst().orElseThrow();
		List<com.nimbusds.jose.jwk.JWK> published = keys.stream()
			.filter(k -> k.retiredAt() == null || k.retiredAt().isAfter(cutoff))
			.map(k -> (com.nimbusds.jose.jwk.JWK) k.key().toPublicJWK())
			.toList();
		return new Snapshot(signing.key(), signing.createdAt(), new JWKSet(published));
	}

	private List<StoredKey> stored() {
		return this.records.all().stream().map(sealed -> {
			try {
				return new StoredKey(RSAKey.parse(this.encryption.open(sealed.sealedJwk())), sealed.createdAt(),
						sealed.retiredAt());
			}
			catch (ParseException ex) {
				throw new IllegalStateException("Stored tool key " + sealed.kid() + " does not parse", ex);
			}
		}).toList();
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record StoredKey(RSAKey key, Instant createdAt, Instant retiredAt) {
	}

	private record Snapshot(RSAKey signing, Instant signingCreated, JWKSet published) {
	}

}
