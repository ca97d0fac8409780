package org.coachapproach.people;

import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface PersonRepository extends Repository<Person, Long> {

	Optional<Person> findByIssuerAndSubject(String issuer, String subject);

	Optional<Person> findById(long id);

	Person save(Person person);

	long count();

}
