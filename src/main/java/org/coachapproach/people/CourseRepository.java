package org.coachapproach.people;

import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface CourseRepository extends Repository<Course, Long> {

	Optional<Course> findByIssuerAndContextId(String issuer, String contextId);

	Course save(Course course);

}
