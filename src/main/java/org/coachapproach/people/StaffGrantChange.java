package org.coachapproach.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One grant or revoke of program staff, kept after the grant itself is gone. */
@Entity(name = "PeopleStaffGrantChange")
@Table(name = "program_staff_grant_log")
class StaffGrantChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "program_id", nullable = false)
	private long programId;

	@Column(name = "person_id", nullable = false)
	private long personId;

	/** GRANT or REVOKE (a check constraint in the table). */
	@Column(nullable = false, length = 8)
	private String action;

	@Column(name = "acted_by", nullable = false)
	private long actedBy;

	@Column(name = "acted_at", nullable = false)
	private Instant actedAt;

	protected StaffGrantChange() {
	}

	StaffGrantChange(ProgramId program, PersonId person, String action, PersonId by, Instant at) {
		this.programId = program.value();
		this.personId = person.value();
		this.action = action;
		this.actedBy = by.value();
		this.actedAt = at;
	}

}
