package org.coachapproach.matching;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coachapproach.people.CourseId;

/** Staff's overrides of the intake file's matching defaults for one course ({@code null}: the default). */
@Entity
@Table(name = "matching_course_settings")
class CourseMatchingSettings {

	@Id
	@Column(name = "course_id")
	private Long courseId;

	@Column(length = 1000)
	private String weights;

	@Column(name = "meeting_reminder_days", columnDefinition = "smallint")
	private Integer meetingReminderDays;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected CourseMatchingSettings() {
	}

	CourseMatchingSettings(CourseId course) {
		this.courseId = course.value();
	}

	String weights() {
		return this.weights;
	}

	Integer meetingReminderDays() {
		return this.meetingReminderDays;
	}

	void changeWeights(String weights, Instant at) {
		this.weights = weights;
		this.updatedAt = at;
	}

	void changeReminderDays(int days, Instant at) {
		this.meetingReminderDays = days;
		this.updatedAt = at;
	}

}
