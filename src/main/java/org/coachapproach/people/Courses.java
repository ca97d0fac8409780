package org.coachapproach.people;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Courses extends Repository<Course, Long> {

	Optional<Course> findById(Long id);

	@Query("select c.id from PeopleCourse c order by c.id")
	List<Long> findAllIds();

	@Query("select c.id from PeopleCourse c where c.programId = :program order by c.id")
	List<Long> findIdsByProgramId(Long program);

}
