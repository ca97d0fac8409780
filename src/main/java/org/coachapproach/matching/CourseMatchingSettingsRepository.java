package org.coachapproach.matching;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface CourseMatchingSettingsRepository extends Repository<CourseMatchingSettings, Long> {

	Optional<CourseMatchingSettings> findById(Long courseId);

	CourseMatchingSettings save(CourseMatchingSettings settings);

}
