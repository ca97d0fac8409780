package org.coachapproach.people;

import java.util.Set;

/**
 * A person in a course, with what they may do there.
 *
 * @param course the course, or {@code null} when the launch had no course context
 */
public record Member(PersonId person, String displayName, CourseId course, String courseTitle,
		Set<CourseRole> courseRoles, ProgramRole programRole) {

	public Member {
		courseRoles = Set.copyOf(courseRoles);
	}

	public boolean isInstructor() {
		return this.courseRoles.contains(CourseRole.INSTRUCTOR) || this.courseRoles.contains(CourseRole.CONTENT_DEVELOPER)
				|| this.courseRoles.contains(CourseRole.TEACHING_ASSISTANT) || isAdministrator();
	}

	public boolean isAdministrator() {
		return this.courseRoles.contains(CourseRole.ADMINISTRATOR);
	}

	/**
	 * Program staff: administrators, and instructors or content developers with the staff
	 * program role. The role stays recorded when the platform later makes the person a learner
	 * of the course; it must not keep its powers then.
	 */
	public boolean isStaff() {
		return isAdministrator() || (this.programRole == ProgramRole.STAFF
				&& (this.courseRoles.contains(CourseRole.INSTRUCTOR) || this.courseRoles.contains(CourseRole.CONTENT_DEVELOPER)));
	}

}
