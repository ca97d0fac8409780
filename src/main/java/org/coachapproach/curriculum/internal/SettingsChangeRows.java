package org.coachapproach.curriculum.internal;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface SettingsChangeRows extends Repository<SettingsChangeRow, Long> {

	List<SettingsChangeRow> findByCourseIdOrderByChangedAtDescIdDesc(long courseId, Limit limit);

	SettingsChangeRow save(SettingsChangeRow change);

}
