package org.coachapproach.demoplatform.services;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.coachapproach.demoplatform.registration.AdvantageScopes;
import org.coachapproach.demoplatform.registration.TokenHashes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The OAuth 2.0 bearer tokens that open the services: random, good for an hour, for the scopes
 * they were granted. Only their SHA-256 hash is stored.
 */
@Component("demoAccessTokens")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class AccessTokens {

	public static final Duration LIFETIME = Duration.ofHours(1);

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	AccessTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Who holds a token, and for what. */
	public record Holder(String clientId, List<String> scopes) {
	}

	public String issue(String clientId, List<String> scopes) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = Instant.now();
		this.jdbc.sql("DELETE FROM demo_access_token WHERE expires_at < ?").param(Timestamp.from(now)).update();
		this.jdbc.sql("""
				INSERT INTO demo_access_token (token_hash, client_id, scopes, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(TokenHashes.sha256(token), clientId, String.join(" ", scopes), Timestamp.from(now),
					Timestamp.from(now.plus(LIFETIME)))
			.update();
		return token;
	}

	/** The holder of an unexpired token. */
	public Optional<Holder> find(String token) {
		return this.jdbc.sql("SELECT client_id, scopes FROM demo_access_token WHERE token_hash = ? AND expires_at > ?")
			.params(TokenHashes.sha256(token), Timestamp.from(Instant.now()))
			.query((row, number) -> new Holder(row.getString("client_id"),
					AdvantageScopes.parse(row.getString("scopes"))))
			.optional();
	}

	/** Lets every token issued so far expire now, as after an hour. */
	public void expireAll() {
		this.jdbc.sql("UPDATE demo_access_token SET expires_at = ? WHERE expires_at > ?")
			.params(Timestamp.from(Instant.now().minusMillis(1)), Timestamp.from(Instant.now()))
			.update();
	}

}
