package org.coachapproach.people;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's place in a course: course roles from the platform, program role from staff. */
@Entity
public class Membership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private long personId;

	@Column(nullable = false)
	private long courseId;

	/** Comma-separated {@link CourseRole} names, as last reported by the platform. */
	@Column(nullable = false)
	private String courseRoles;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private ProgramRole programRole;

	@Column(nullable = false)
	private Instant updatedAt;

	protected Membership() {
	}

	public Membership(PersonId person, CourseId course, Set<CourseRole> roles, Instant now) {
		this.personId = person.value();
		this.courseId = course.value();
		roles(roles, now);
	}

	public PersonId person() {
		return new PersonId(this.personId);
	}

	public CourseId course() {
		return new CourseId(this.courseId);
	}

	public Set<CourseRole> courseRoles() {
		if (this.courseRoles.isEmpty()) {
			return EnumSet.noneOf(CourseRole.class);
		}
		return Arrays.stream(this.courseRoles.split(","))
			.map(CourseRole::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(CourseRole.class)));
	}

	public void roles(Set<CourseRole> roles, Instant now) {
		String names = roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
		if (!names.equals(this.courseRoles)) {
			this.courseRoles = names;
			this.updatedAt = now;
		}
	}

	public ProgramRole programRole() {
		return this.programRole;
	}

	public void programRole(ProgramRole role, Instant now) {
		this.programRole = role;
		this.updatedAt = now;
	}

}
