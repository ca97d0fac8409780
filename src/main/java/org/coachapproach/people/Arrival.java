package org.coachapproach.people;

import java.util.Set;

/**
 * Someone arriving from a platform with a verified identity, as the launch described them.
 *
 * @param issuer the platform's issuer
 * @param subject the platform's stable id for the person
 * @param contextId the course (context) id, or {@code null} outside a course
 * @param programRole the program role the placement suggests, or {@code null}
 */
public record Arrival(String issuer, String subject, String displayName, String email, String contextId,
		String contextTitle, String contextLabel, Set<CourseRole> courseRoles, ProgramRole programRole) {

	public Arrival {
		courseRoles = Set.copyOf(courseRoles);
	}

}
