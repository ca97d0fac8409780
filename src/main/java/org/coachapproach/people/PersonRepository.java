package org.coachapproach.people;

import java.util.Optional;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface PersonRepository extends Repository<Person, Long> {

	Optional<Person> findByIssuerAndSubject(String issuer, String subject);

	Optional<Person> findById(long id);

	Person save(Person person);

	/** Creates the person unless a concurrent first launch just did. */
	@Modifying
	@Query(value = """
			INSERT INTO person (issuer, subject, created_at, last_seen_at) VALUES (:issuer, :subject, :now, :now)
			ON DUPLICATE KEY UPDATE id = id""", nativeQuery = true)
	void insertIfAbsent(String issuer, String subject, Instant now);

	long count();

}
