package org.coachapproach.matching;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coachapproach.matching.engine.PairRule;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/** A staff lock or exclusion of a mentee–mentor pair in a course. */
@Entity
@Table(name = "matching_pair_rule")
class StaffRule {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "course_id", nullable = false)
	private long courseId;

	@Column(name = "mentee_id", nullable = false)
	private long menteeId;

	@Column(name = "mentor_id", nullable = false)
	private long mentorId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 8)
	private PairRule.Kind kind;

	@Column(length = 1000)
	private String reason;

	@Column(name = "created_by", nullable = false)
	private long createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected StaffRule() {
	}

	StaffRule(CourseId course, PersonId mentee, PersonId mentor, PairRule.Kind kind, String reason, PersonId by, Instant at) {
		this.courseId = course.value();
		this.menteeId = mentee.value();
		this.mentorId = mentor.value();
		this.kind = kind;
		this.reason = reason;
		this.createdBy = by.value();
		this.createdAt = at;
	}

	Matching.Rule view() {
		return new Matching.Rule(this.id, new PersonId(this.menteeId), new PersonId(this.mentorId), this.kind, this.reason);
	}

}
