package org.coachapproach.people;

import java.util.Set;

/**
 * One member of a course as the platform's roster lists them.
 *
 * @param subject the platform's stable id for the person (the same as in launches)
 */
public record Enrolment(String subject, String displayName, String email, Set<CourseRole> courseRoles,
		MembershipStatus status) {

	public Enrolment {
		courseRoles = Set.copyOf(courseRoles);
	}

}
