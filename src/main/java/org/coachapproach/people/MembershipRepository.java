package org.coachapproach.people;

import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface MembershipRepository extends Repository<Membership, Long> {

	Optional<Membership> findByPersonIdAndCourseId(long personId, long courseId);

	Membership save(Membership membership);

}
