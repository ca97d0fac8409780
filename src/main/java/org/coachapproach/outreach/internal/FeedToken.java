package org.coachapproach.outreach.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person's calendar feed token in a program, by the SHA-256 of the token (the token itself
 * is never stored). A reset retires it; the row stays, so its address answers "reset".
 */
@Entity
@Table(name = "outreach_feed_token")
public class FeedToken {

	@Id
	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "token_hash", length = 64)
	private String tokenHash;

	@Column(name = "program_id", nullable = false)
	private long programId;

	@Column(name = "person_id", nullable = false)
	private long personId;

	@Column(nullable = false)
	private int generation;

	// TIMESTAMP read and written in the JVM's zone, as every JdbcClient query of the tool does.
	@JdbcTypeCode(SqlTypes.TIMESTAMP)
	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@JdbcTypeCode(SqlTypes.TIMESTAMP)
	@Column(name = "retired_at")
	private Instant retiredAt;

	protected FeedToken() {
	}

	public long programId() {
		return this.programId;
	}

	public long personId() {
		return this.personId;
	}

	public boolean retired() {
		return this.retiredAt != null;
	}

}
