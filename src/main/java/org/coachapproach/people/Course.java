package org.coachapproach.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A course context of a platform. Made and renamed by launches (in SQL, {@link ArrivalRecords}:
 * two first launches at once must both succeed); it belongs to the program of the registration
 * that launched it first and never moves.
 */
@Entity(name = "PeopleCourse")
@Table(name = "course")
class Course {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, columnDefinition = "varchar(255) collate utf8mb4_bin")
	private String issuer;

	@Column(name = "context_id", nullable = false, columnDefinition = "varchar(255) collate utf8mb4_bin")
	private String contextId;

	private String title;

	private String label;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** Null only for a course left from before programs whose registration was gone. */
	@Column(name = "program_id")
	private Long programId;

	protected Course() {
	}

	String contextId() {
		return this.contextId;
	}

	Long programId() {
		return this.programId;
	}

}
