package org.coachapproach.assessment;

import org.coachapproach.TestLaunches;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/** Launches people into one course of the test's own through {@link TestLaunches}, over real HTTP. */
final class SurveyLaunch {

	static final String LEARNER = TestLaunches.LEARNER;

	static final String INSTRUCTOR = TestLaunches.INSTRUCTOR;

	static final String ADMINISTRATOR = TestLaunches.ADMINISTRATOR;

	private final TestLaunches launches;

	SurveyLaunch(TestPlatform platform, int port, Registrations registrations, String contextId) {
		this.launches = new TestLaunches(platform, registrations, port).inCourse(contextId,
				"Survey course " + contextId, "SV");
	}

	/** A signed-in browser for a new person; {@code programRole} may be {@code null}. */
	Browser launch(String subject, String name, String role, String programRole) {
		return launch(subject, name, role, programRole, null);
	}

	/** A launch whose platform also sends this email address ({@code null}: none). */
	Browser launch(String subject, String name, String role, String programRole, String email) {
		return this.launches.launch(subject, name, role, programRole, email);
	}

	String tool(String path) {
		return this.launches.tool(path);
	}

}
