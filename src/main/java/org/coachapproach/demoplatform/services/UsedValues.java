package org.coachapproach.demoplatform.services;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Values a tool may present only once (a client assertion's {@code jti}, a deep-linking
 * response's {@code nonce}), remembered in the database until the JWT carrying them expires.
 */
@Component("demoUsedValues")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class UsedValues {

	public static final String ASSERTION_JTI = "jti";

	public static final String DEEP_LINKING_NONCE = "dl-nonce";

	private final JdbcClient jdbc;

	UsedValues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the value as used; false if it was used before (by this client, for this kind). */
	public boolean use(String kind, String clientId, String value, Instant keepUntil) {
		Instant now = Instant.now();
		this.jdbc.sql("DELETE FROM demo_used_value WHERE expires_at < ?").param(Timestamp.from(now)).update();
		try {
			this.jdbc.sql("INSERT INTO demo_used_value (kind, client_id, used_value, expires_at) VALUES (?, ?, ?, ?)")
				.params(kind, clientId, value, Timestamp.from(keepUntil.isAfter(now) ? keepUntil : now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
