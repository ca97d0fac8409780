package org.coachapproach.people;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A program staff grant: an institution administrator made a member of the program's courses staff. */
@Entity(name = "PeopleStaffGrant")
@Table(name = "program_staff_grant")
@IdClass(StaffGrant.Key.class)
class StaffGrant {

	@Id
	@Column(name = "program_id")
	private long programId;

	@Id
	@Column(name = "person_id")
	private long personId;

	@Column(name = "granted_by", nullable = false)
	private long grantedBy;

	@Column(name = "granted_at", nullable = false)
	private Instant grantedAt;

	protected StaffGrant() {
	}

	/** The grant's key: program and person. */
	static class Key implements Serializable {

		private long programId;

		private long personId;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.programId == this.programId && key.personId == this.personId;
		}

		@Override
		public int hashCode() {
			return Long.hashCode(this.programId) * 31 + Long.hashCode(this.personId);
		}

	}

}
