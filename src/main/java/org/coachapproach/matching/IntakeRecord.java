package org.coachapproach.matching;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;

/** A person's matching intake in a course: answers and preferences as JSON, as the forms were at {@code contentHash}. */
@Entity
@Table(name = "matching_intake")
class IntakeRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "course_id", nullable = false)
	private long courseId;

	@Column(name = "person_id", nullable = false)
	private long personId;

	@Column(nullable = false, length = 8)
	private String role;

	@Column(columnDefinition = "tinyint")
	private Integer capacity;

	@Column(nullable = false, columnDefinition = "mediumtext")
	private String answers;

	@Column(name = "content_hash", nullable = false, columnDefinition = "char(64)")
	private String contentHash;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected IntakeRecord() {
	}

	IntakeRecord(CourseId course, PersonId person) {
		this.courseId = course.value();
		this.personId = person.value();
	}

	void replace(ProgramRole role, Integer capacity, String answers, String contentHash, Instant at) {
		this.role = role.name();
		this.capacity = capacity;
		this.answers = answers;
		this.contentHash = contentHash;
		this.updatedAt = at;
	}

	PersonId person() {
		return new PersonId(this.personId);
	}

	ProgramRole role() {
		return ProgramRole.valueOf(this.role);
	}

	Integer capacity() {
		return this.capacity;
	}

	String answers() {
		return this.answers;
	}

}
