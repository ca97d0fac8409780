package org.coachapproach.outreach.internal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Staff's switch for one kind of email in a program; a kind without one is on. */
@Entity
@Table(name = "outreach_kind_switch")
@IdClass(KindSwitch.Key.class)
public class KindSwitch {

	@Id
	@Column(name = "program_id")
	private long programId;

	@Id
	@Column(length = 40)
	private String kind;

	@Column(nullable = false)
	private boolean enabled;

	@JdbcTypeCode(SqlTypes.TIMESTAMP)
	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	@Column(name = "changed_by")
	private Long changedBy;

	protected KindSwitch() {
	}

	public KindSwitch(long programId, String kind, boolean enabled, Instant changedAt, Long changedBy) {
		this.programId = programId;
		this.kind = kind;
		this.enabled = enabled;
		this.changedAt = changedAt;
		this.changedBy = changedBy;
	}

	public boolean enabled() {
		return this.enabled;
	}

	/** The switch's key: program and kind. */
	public static class Key implements Serializable {

		private long programId;

		private String kind;

		protected Key() {
		}

		public Key(long programId, String kind) {
			this.programId = programId;
			this.kind = kind;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.programId == this.programId && Objects.equals(key.kind, this.kind);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.programId, this.kind);
		}

	}

}
