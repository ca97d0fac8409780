package org.coachapproach.people;

import java.util.Set;

/** One member of a course as the tool knows them: the roster other modules read. */
public record RosterEntry(PersonId person, String displayName, Set<CourseRole> courseRoles, ProgramRole programRole) {

	public RosterEntry {
		courseRoles = Set.copyOf(courseRoles);
	}

}
