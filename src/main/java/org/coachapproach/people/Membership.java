package org.coachapproach.people;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person's place in a course: course roles (as the platform last said), program role (as
 * staff or a placement set it) and status (as the roster states it). Launches and roster syncs
 * write it in SQL; the course and the person are referred to by id.
 */
@Entity(name = "PeopleMembership")
@Table(name = "membership")
class Membership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "person_id", nullable = false)
	private long personId;

	@Column(name = "course_id", nullable = false)
	private long courseId;

	/** Comma-separated {@link CourseRole} names, sorted. */
	@Column(name = "course_roles", nullable = false)
	private String courseRoles;

	@Column(name = "program_role", length = 32)
	private String programRole;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(nullable = false, length = 16)
	private String status;

	@Column(name = "roster_synced", nullable = false)
	private boolean rosterSynced;

	protected Membership() {
	}

	Set<CourseRole> courseRoles() {
		return People.roles(this.courseRoles);
	}

}
