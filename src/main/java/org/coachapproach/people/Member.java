package org.coachapproach.people;

import java.util.Set;

/**
 * A person in a course, with what they may do there and in its program.
 *
 * @param course the course, or {@code null} when the launch had no course context
 * @param program the program of the registration the person launched from
 * @param institutionAdministrator whether that launch made them an institution administrator
 * @param programStaffGrant whether an institution administrator granted them program staff
 */
public record Member(PersonId person, String displayName, CourseId course, String courseTitle,
		Set<CourseRole> courseRoles, ProgramRole programRole, ProgramId program, boolean institutionAdministrator,
		boolean programStaffGrant) {

	public Member {
		courseRoles = Set.copyOf(courseRoles);
	}

	/** A member with no program powers (and no program): for course-only code and tests. */
	public Member(PersonId person, String displayName, CourseId course, String courseTitle, Set<CourseRole> courseRoles,
			ProgramRole programRole) {
		this(person, displayName, course, courseTitle, courseRoles, programRole, null, false, false);
	}

	public boolean isInstructor() {
		return this.courseRoles.contains(CourseRole.INSTRUCTOR) || this.courseRoles.contains(CourseRole.CONTENT_DEVELOPER)
				|| this.courseRoles.contains(CourseRole.TEACHING_ASSISTANT) || isAdministrator();
	}

	public boolean isAdministrator() {
		return this.courseRoles.contains(CourseRole.ADMINISTRATOR);
	}

	/**
	 * Program staff of this course: administrators, and instructors or content developers with
	 * the staff program role. The role stays recorded when the platform later makes the person
	 * a learner of the course; it must not keep its powers then. Course pages only: program-wide
	 * pages ask {@link #isProgramStaff()}.
	 */
	public boolean isStaff() {
		return isAdministrator() || (this.programRole == ProgramRole.STAFF
				&& (this.courseRoles.contains(CourseRole.INSTRUCTOR) || this.courseRoles.contains(CourseRole.CONTENT_DEVELOPER)));
	}

	/**
	 * Staff of the whole program (the series schedule, attendance, email, the faculty list):
	 * the registration's institution administrators, and whoever one of them granted it. Never
	 * a course role or a placement's parameter: those are any course's to give.
	 */
	public boolean isProgramStaff() {
		return this.program != null && (this.institutionAdministrator || this.programStaffGrant);
	}

	/** Whether the person may grant and revoke program staff: institution administrators only. */
	public boolean mayGrantProgramStaff() {
		return this.program != null && this.institutionAdministrator;
	}

}
