package org.coachapproach.people;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program staff by grant: an institution administrator of the program's registration makes
 * someone from the program's courses program staff, or stops it. Every grant and revoke is
 * logged (who, whom, when), and the log outlives the grant.
 */
@Service
public class ProgramStaff {

	/** Someone in one of the program's courses, and whether they hold a grant. */
	public record Candidate(PersonId person, String displayName, boolean granted, PersonId grantedBy,
			String grantedByName, Instant grantedAt) {
	}

	/** One grant or revoke, for the audit list. */
	public record Change(PersonId person, String displayName, String action, String byName, Instant at) {
	}

	private final StaffRecords records;

	private final StaffGrants grants;

	private final StaffGrantChanges log;

	private final Memberships memberships;

	private final Clock clock;

	ProgramStaff(StaffRecords records, StaffGrants grants, StaffGrantChanges log, Memberships memberships, Clock clock) {
		this.records = records;
		this.grants = grants;
		this.log = log;
		this.memberships = memberships;
		this.clock = clock;
	}

	/** The active members of the program's courses, by name, with their grants. */
	public List<Candidate> candidates(ProgramId program) {
		return this.records.candidates(program);
	}

	/**
	 * Grants program staff to a member of one of the program's courses (again: no change).
	 * @return whether the person could be granted (someone outside the program cannot)
	 */
	@Transactional
	public boolean grant(ProgramId program, PersonId person, PersonId by) {
		if (!this.memberships.isActiveInProgram(program.value(), person.value())) {
			return false;
		}
		Instant now = this.clock.instant();
		if (this.grants.grant(program.value(), person.value(), by.value(), now) == 1) {
			this.log.save(new StaffGrantChange(program, person, "GRANT", by, now));
		}
		return true;
	}

	/** Ends a grant (none: no change). */
	@Transactional
	public void revoke(ProgramId program, PersonId person, PersonId by) {
		if (this.grants.revoke(program.value(), person.value()) == 1) {
			this.log.save(new StaffGrantChange(program, person, "REVOKE", by, this.clock.instant()));
		}
	}

	/** The latest grants and revokes, newest first. */
	public List<Change> changes(ProgramId program, int limit) {
		return this.records.changes(program, limit);
	}

}
