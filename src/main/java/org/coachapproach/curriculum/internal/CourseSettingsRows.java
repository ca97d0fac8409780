package org.coachapproach.curriculum.internal;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface CourseSettingsRows extends Repository<CourseSettingsRow, Long> {

	Optional<CourseSettingsRow> findById(Long courseId);

}
