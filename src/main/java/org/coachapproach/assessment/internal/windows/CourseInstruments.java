package org.coachapproach.assessment.internal.windows;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/** Instrument settings per course. */
public interface CourseInstruments extends Repository<CourseInstrument, CourseInstrument.Key> {

	Optional<CourseInstrument> findById(CourseInstrument.Key key);

	CourseInstrument save(CourseInstrument settings);

}
