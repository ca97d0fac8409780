package org.coachapproach.people;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Programs extends Repository<Program, Long> {

	Optional<Program> findById(Long id);

	@Query("select p.id from PeopleProgram p order by p.id")
	List<Long> findAllIds();

}
