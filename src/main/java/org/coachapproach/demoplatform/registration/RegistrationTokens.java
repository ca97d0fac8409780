package org.coachapproach.demoplatform.registration;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bearer tokens a tool must present to the registration endpoint: issued by the platform
 * when it starts a registration, good for one registration within an hour. Only their SHA-256
 * hash is stored.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class RegistrationTokens {

	static final Duration LIFETIME = Duration.ofHours(1);

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	RegistrationTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new token, unused, expiring after {@link #LIFETIME}. */
	public String issue() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now();
		this.jdbc.sql("DELETE FROM demo_registration_token WHERE expires_at < ?").param(Timestamp.from(now)).update();
		this.jdbc.sql("INSERT INTO demo_registration_token (token_hash, created_at, expires_at) VALUES (?, ?, ?)")
			.params(TokenHashes.sha256(token), Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
			.update();
		return token;
	}

	/** Whether the token was issued here and is still unused and unexpired. */
	public boolean isUsable(String token) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM demo_registration_token
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
			.params(TokenHashes.sha256(token), Timestamp.from(Instant.now()))
			.query(Long.class)
			.single() == 1;
	}

	/** Marks the token used; false if it was not usable (also when another request used it first). */
	boolean use(String token) {
		Timestamp now = Timestamp.from(Instant.now());
		return this.jdbc.sql("""
				UPDATE demo_registration_token SET used_at = ?
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
			.params(now, TokenHashes.sha256(token), now)
			.update() == 1;
	}

}
