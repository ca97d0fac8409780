package org.coachapproach.matching;

import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface StaffRules extends Repository<StaffRule, Long> {

	List<StaffRule> findByCourseIdOrderById(long courseId);

	StaffRule save(StaffRule rule);

	@Modifying
	@Query("DELETE FROM StaffRule r WHERE r.id = :id AND r.courseId = :courseId")
	int deleteInCourse(long id, long courseId);

}
