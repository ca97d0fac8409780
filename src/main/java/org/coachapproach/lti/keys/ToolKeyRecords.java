package org.coachapproach.lti.keys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tool's signing keys as stored (sealed), in SQL: a rotation retires every live key and adds
 * one in a statement each, and the whole (small) set is read at once into memory, where signing
 * and the JWKS use it.
 */
@Repository
class ToolKeyRecords {

	private final JdbcClient jdbc;

	ToolKeyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void retireAll(Instant now) {
		this.jdbc.sql("UPDATE lti_tool_key SET retired_at = ? WHERE retired_at IS NULL").param(Timestamp.from(now)).update();
	}

	void add(String kid, String sealedJwk, Instant now) {
		this.jdbc.sql("INSERT INTO lti_tool_key (kid, private_jwk, created_at) VALUES (?, ?, ?)")
			.params(kid, sealedJwk, Timestamp.from(now))
			.update();
	}

	/** Every key, newest first. */
	List<Sealed> all() {
		return this.jdbc.sql("SELECT kid, private_jwk, created_at, retired_at FROM lti_tool_key ORDER BY created_at DESC")
			.query((rs, row) -> {
				Timestamp retired = rs.getTimestamp("retired_at");
				return new Sealed(rs.getString("kid"), rs.getString("private_jwk"), rs.getTimestamp("created_at").toInstant(),
						retired == null ? null : retired.toInstant());
			})
			.list();
	}

	record Sealed(String kid, String sealedJwk, Instant createdAt, Instant retiredAt) {
	}

}
