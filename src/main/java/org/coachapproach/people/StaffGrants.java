package org.coachapproach.people;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface StaffGrants extends Repository<StaffGrant, StaffGrant.Key> {

	/**
	 * Grants, unless already granted: one statement, so two administrators granting the same
	 * person at once do not collide on the key.
	 * @return 1 when the grant is new, 0 when it existed
	 */
	@Modifying
	@Query(nativeQuery = true, value = """
			INSERT IGNORE INTO program_staff_grant (program_id, person_id, granted_by, granted_at)
			VALUES (:program, :person, :by, :at)""")
	int grant(long program, long person, long by, Instant at);

	/** @return 1 when there was a grant to end, 0 otherwise */
	@Modifying
	@Query("delete from PeopleStaffGrant g where g.programId = :program and g.personId = :person")
	int revoke(long program, long person);

}
