package org.coachapproach.people;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Memberships extends Repository<Membership, Long> {

	Optional<Membership> findByPersonIdAndCourseId(long personId, long courseId);

	/** Whether the person is an active member of one of the program's courses. */
	@Query("""
			select count(m) > 0 from PeopleMembership m, PeopleCourse c
			where c.id = m.courseId and c.programId = :program and m.personId = :person and m.status = 'ACTIVE'""")
	boolean isActiveInProgram(long program, long person);

}
