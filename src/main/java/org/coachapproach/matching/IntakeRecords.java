package org.coachapproach.matching;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface IntakeRecords extends Repository<IntakeRecord, Long> {

	Optional<IntakeRecord> findByCourseIdAndPersonId(long courseId, long personId);

	List<IntakeRecord> findByCourseIdOrderByPersonId(long courseId);

	IntakeRecord save(IntakeRecord intake);

}
