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

/** A published pair; a later publication that no longer has it, or staff, end it (its meetings stay). */
@Entity
@Table(name = "matching_pair")
class MentoringPair {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "course_id", nullable = false)
	private long courseId;

	@Column(name = "mentor_id", nullable = false)
	private long mentorId;

	@Column(name = "mentee_id", nullable = false)
	private long menteeId;

	@Column(name = "proposal_id", nullable = false)
	private long proposalId;

	@Column(name = "published_at", nullable = false)
	private Instant publishedAt;

	@Column(name = "ended_at")
	private Instant endedAt;

	protected MentoringPair() {
	}

	MentoringPair(CourseId course, PersonId mentor, PersonId mentee, long proposalId, Instant at) {
		this.courseId = course.value();
		this.mentorId = mentor.value();
		this.menteeId = mentee.value();
		this.proposalId = proposalId;
		this.publishedAt = at;
	}

	PairId id() {
		return new PairId(this.id);
	}

	PersonId mentor() {
		return new PersonId(this.mentorId);
	}

	PersonId mentee() {
		return new PersonId(this.menteeId);
	}

	void end(Instant at) {
		this.endedAt = at;
	}

	Matching.CurrentPair current() {
		return new Matching.CurrentPair(id(), mentor(), mentee(), this.publishedAt);
	}

}
