package org.coachapproach.curriculum;

import java.util.List;
import java.util.Map;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/**
 * Launches people into one course of their own through {@link TestPlatform} over real HTTP,
 * so settings changed here never reach another test's course.
 */
final class CourseLaunch {

	static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	private final TestPlatform platform;

	private final int port;

	private final String contextId;

	CourseLaunch(TestPlatform platform, int port, Registrations registrations, String contextId) {
		this.platform = platform;
		this.port = port;
		this.contextId = contextId;
		platform.registerWith(registrations);
	}

	/** A signed-in browser for a new person with this name and LTI role in the course. */
	Browser launch(String subject, String name, String role) {
		return this.platform.signIn(tool(""), subject, claims -> claims.claim("name", name)
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", this.contextId, "title", "Settings course " + this.contextId, "label", "SC")));
	}

	String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
