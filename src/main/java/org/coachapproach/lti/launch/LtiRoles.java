package org.coachapproach.lti.launch;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.coachapproach.people.CourseRole;

/**
 * Maps LIS role URIs (LTI Core 1.3 Appendix A: context, institution and system roles, long
 * and short forms, and sub-roles) to the tool's course roles.
 */
public final class LtiRoles {

	private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

	private static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";

	private static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";

	private LtiRoles() {
	}

	/**
	 * Whether the roles make the person an administrator of the institution (or the system)
	 * behind the registration, as opposed to one course: only these give program-wide powers.
	 * They still map to {@link CourseRole#ADMINISTRATOR} for the course they launch into.
	 */
	public static boolean institutionAdministrator(Collection<?> roles) {
		for (Object value : roles) {
			if (value instanceof String role) {
				String trimmed = role.trim();
				if (trimmed.equals(INSTITUTION + "Administrator") || trimmed.equals(SYSTEM + "Administrator")
						|| trimmed.equals(SYSTEM + "SysAdmin")) {
					return true;
				}
			}
		}
		return false;
	}

	public static Set<CourseRole> map(Collection<?> roles) {
		Set<CourseRole> mapped = EnumSet.noneOf(CourseRole.class);
		for (Object value : roles) {
			if (value instanceof String role) {
				CourseRole courseRole = map(role.trim());
				if (courseRole != null) {
					mapped.add(courseRole);
				}
			}
		}
		return mapped;
	}

	private static CourseRole map(String role) {
		if (role.startsWith(INSTITUTION) || role.startsWith(SYSTEM)) {
			String name = role.substring(role.indexOf('#') + 1);
			return name.equals("Administrator") || name.equals("SysAdmin") ? CourseRole.ADMINISTRATOR : null;
		}
		String name;
		if (role.startsWith(MEMBERSHIP + "#")) {
			name = role.substring(MEMBERSHIP.length() + 1);
		}
		else if (role.startsWith(MEMBERSHIP + "/")) {
			// Sub-role, e.g. membership/Instructor#TeachingAssistant: the part after '#' is specific.
			String sub = role.substring(role.indexOf('#') + 1);
			if (sub.equals("TeachingAssistant") && (role.startsWith(MEMBERSHIP + "/Instructor#")
					|| role.startsWith(MEMBERSHIP + "/TeachingAssistant#"))) {
				return CourseRole.TEACHING_ASSISTANT;
			}
			name = role.substring(MEMBERSHIP.length() + 1, role.indexOf('#') > 0 ? role.indexOf('#') : role.length());
		}
		else if (!role.contains(":") && !role.contains("/")) {
			name = role; // short (deprecated) context role names
		}
		else {
			return null;
		}
		return switch (name) {
			case "Learner" -> CourseRole.LEARNER;
			case "Instructor" -> CourseRole.INSTRUCTOR;
			case "ContentDeveloper" -> CourseRole.CONTENT_DEVELOPER;
			case "TeachingAssistant" -> CourseRole.TEACHING_ASSISTANT;
			case "Administrator" -> CourseRole.ADMINISTRATOR;
			default -> null;
		};
	}

}
