package org.coachapproach.curriculum;

import org.coachapproach.TestLaunches;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/**
 * Launches people into one course of their own through {@link TestLaunches} over real HTTP,
 * so settings changed here never reach another test's course.
 */
final class CourseLaunch {

	static final String LEARNER = TestLaunches.LEARNER;

	static final String INSTRUCTOR = TestLaunches.INSTRUCTOR;

	private final TestLaunches launches;

	CourseLaunch(TestPlatform platform, int port, Registrations registrations, String contextId) {
		this.launches = new TestLaunches(platform, registrations, port).inCourse(contextId,
				"Settings course " + contextId, "SC");
	}

	/** A signed-in browser for a new person with this name and LTI role in the course. */
	Browser launch(String subject, String name, String role) {
		return this.launches.launch(subject, name, role);
	}

	String tool(String path) {
		return this.launches.tool(path);
	}

}
