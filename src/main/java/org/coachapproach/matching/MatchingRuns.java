package org.coachapproach.matching;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

interface MatchingRuns extends Repository<MatchingRun, Long> {

	Optional<MatchingRun> findFirstByCourseIdOrderByIdDesc(long courseId);

	/** Locks the course's runs: two staff publishing at once queue up. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	List<MatchingRun> findByCourseIdOrderByIdDesc(long courseId);

	MatchingRun save(MatchingRun run);

}
