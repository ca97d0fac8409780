package org.coachapproach.outreach.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL: an insert that a concurrent one's row makes a no-op, which JPA's persist cannot say without failing the transaction. */
class FeedTokenIssueImpl implements FeedTokenIssue {

	private final JdbcClient jdbc;

	FeedTokenIssueImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long issue(String tokenHash, long programId, long personId, int generation, Instant at) {
		this.jdbc.sql("""
				INSERT IGNORE INTO outreach_feed_token (token_hash, program_id, person_id, generation, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(tokenHash, programId, personId, generation, Timestamp.from(at))
			.update();
		return this.jdbc.sql("SELECT program_id FROM outreach_feed_token WHERE token_hash = ?")
			.param(tokenHash)
			.query(Long.class)
			.single();
	}

}
