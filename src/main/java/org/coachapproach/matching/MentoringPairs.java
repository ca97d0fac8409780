package org.coachapproach.matching;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MentoringPairs extends Repository<MentoringPair, Long> {

	List<MentoringPair> findByCourseIdAndEndedAtIsNullOrderById(long courseId);

	/** Locked, so that two staff ending one pair end it once. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<MentoringPair> findByIdAndCourseIdAndEndedAtIsNull(long id, long courseId);

	@Query("""
			SELECT COUNT(p) > 0 FROM MentoringPair p
			WHERE p.courseId = :courseId AND p.endedAt IS NULL AND (p.mentorId = :personId OR p.menteeId = :personId)""")
	boolean isPaired(long courseId, long personId);

	MentoringPair save(MentoringPair pair);

}
