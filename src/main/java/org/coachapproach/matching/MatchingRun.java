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

/** One run of the engine: the proposal as it gave it (JSON), kept so staff publish exactly what they saw. */
@Entity
@Table(name = "matching_proposal")
class MatchingRun {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "course_id", nullable = false)
	private long courseId;

	@Column(name = "run_by", nullable = false)
	private long runBy;

	@Column(name = "run_at", nullable = false)
	private Instant runAt;

	@Column(nullable = false, columnDefinition = "mediumtext")
	private String proposal;

	@Column(name = "content_hash", nullable = false, columnDefinition = "char(64)")
	private String contentHash;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "published_by")
	private Long publishedBy;

	protected MatchingRun() {
	}

	MatchingRun(CourseId course, PersonId by, Instant at, String proposal, String contentHash) {
		this.courseId = course.value();
		this.runBy = by.value();
		this.runAt = at;
		this.proposal = proposal;
		this.contentHash = contentHash;
	}

	long id() {
		return this.id;
	}

	Instant runAt() {
		return this.runAt;
	}

	String proposal() {
		return this.proposal;
	}

	Instant publishedAt() {
		return this.publishedAt;
	}

	void published(PersonId by, Instant at) {
		this.publishedBy = by.value();
		this.publishedAt = at;
	}

}
