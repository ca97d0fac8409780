package org.coachapproach.people;

import java.util.Optional;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface CourseRepository extends Repository<Course, Long> {

	Optional<Course> findByIssuerAndContextId(String issuer, String contextId);

	Course save(Course course);

	/** Creates the course unless a concurrent first launch just did. */
	@Modifying
	@Query(value = """
			INSERT INTO course (issuer, context_id, created_at) VALUES (:issuer, :contextId, :now)
			ON DUPLICATE KEY UPDATE id = id""", nativeQuery = true)
	void insertIfAbsent(String issuer, String contextId, Instant now);

}
