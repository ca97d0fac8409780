package org.coachapproach.curriculum.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A configured course's course-wide settings; also the row a change locks. */
@Entity
@Table(name = "curriculum_course_settings")
class CourseSettingsRow {

	@Id
	@Column(name = "course_id")
	private Long courseId;

	@Column(name = "meet_mentees_from")
	private LocalDate meetMenteesFrom;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected CourseSettingsRow() {
	}

	LocalDate meetMenteesFrom() {
		return this.meetMenteesFrom;
	}

	void changeMeetMenteesFrom(LocalDate date, Instant at) {
		this.meetMenteesFrom = date;
		this.updatedAt = at;
	}

}
