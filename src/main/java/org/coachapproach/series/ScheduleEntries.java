package org.coachapproach.series;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ScheduleEntries extends Repository<ScheduleEntry, ScheduleEntry.Key> {

	List<ScheduleEntry> findByIdProgramId(long programId);

	Optional<ScheduleEntry> findById(ScheduleEntry.Key id);

	ScheduleEntry save(ScheduleEntry entry);

}
