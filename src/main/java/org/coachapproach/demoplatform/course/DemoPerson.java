package org.coachapproach.demoplatform.course;

import java.util.List;
import java.util.Optional;

/**
 * Someone in the demo course. {@code id} is what the platform sends as {@code login_hint};
 * {@code subject} is the stable, opaque user id the tool sees as {@code sub}; {@code status} is
 * their membership as names and roles reports it ({@code Active}, {@code Inactive},
 * {@code Deleted}).
 */
public record DemoPerson(String id, String subject, String givenName, String familyName, String email,
		List<String> roles, String programRole, String status) {

	public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	public static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	public static final String ACTIVE = "Active";

	public DemoPerson {
		roles = List.copyOf(roles);
	}

	public DemoPerson(String id, String subject, String givenName, String familyName, String email, List<String> roles,
			String programRole) {
		this(id, subject, givenName, familyName, email, roles, programRole, ACTIVE);
	}

	public String name() {
		return this.givenName + " " + this.familyName;
	}

	/** The program role sent as the custom parameter {@code program_role}, if any. */
	public Optional<String> programRoleParameter() {
		return Optional.ofNullable(this.programRole);
	}

	/** Whether the person teaches the course: deep linking and the gradebook are theirs. */
	public boolean isInstructor() {
		return this.roles.contains(INSTRUCTOR);
	}

}
