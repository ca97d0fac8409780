package org.coachapproach.people;

import java.util.Set;

/**
 * Someone arriving from a platform with a verified identity, as the launch described them.
 *
 * @param issuer the platform's issuer
 * @param clientId the tool's client id at that platform: with the issuer it names the
 * registration, hence the program (Canvas cloud uses one issuer for every institution)
 * @param subject the platform's stable id for the person
 * @param contextId the course (context) id, or {@code null} outside a course
 * @param programRole the program role the placement suggests, or {@code null}
 * @param institutionAdministrator whether the platform made the person an administrator of
 * the institution (not of the course): that alone gives program-wide powers
 */
public record Arrival(String issuer, String clientId, String subject, String displayName, String email,
		String contextId, String contextTitle, String contextLabel, Set<CourseRole> courseRoles,
		ProgramRole programRole, boolean institutionAdministrator) {

	public Arrival {
		courseRoles = Set.copyOf(courseRoles);
		clientId = clientId == null ? "" : clientId;
	}

	/** An arrival from no registration in particular (the issuer's program without a client id). */
	public Arrival(String issuer, String subject, String displayName, String email, String contextId,
			String contextTitle, String contextLabel, Set<CourseRole> courseRoles, ProgramRole programRole) {
		this(issuer, "", subject, displayName, email, contextId, contextTitle, contextLabel, courseRoles, programRole,
				false);
	}

}
