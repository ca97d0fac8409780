package org.coachapproach.people;

import java.util.Optional;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface MembershipRepository extends Repository<Membership, Long> {

	Optional<Membership> findByPersonIdAndCourseId(long personId, long courseId);

	Membership save(Membership membership);

	/** Creates the membership unless a concurrent first launch just did. */
	@Modifying
	@Query(value = """
			INSERT INTO membership (person_id, course_id, course_roles, updated_at) VALUES (:personId, :courseId, '', :now)
			ON DUPLICATE KEY UPDATE id = id""", nativeQuery = true)
	void insertIfAbsent(long personId, long courseId, Instant now);

}
