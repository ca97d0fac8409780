package org.coachapproach.assessment;

import java.util.List;
import java.util.Map;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/** Launches people into one course of the test's own through {@link TestPlatform}, over real HTTP. */
final class SurveyLaunch {

	static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator";

	private final TestPlatform platform;

	private final int port;

	private final String contextId;

	SurveyLaunch(TestPlatform platform, int port, Registrations registrations, String contextId) {
		this.platform = platform;
		this.port = port;
		this.contextId = contextId;
		platform.registerWith(registrations);
	}

	/** A signed-in browser for a new person; {@code programRole} may be {@code null}. */
	Browser launch(String subject, String name, String role, String programRole) {
		return launch(subject, name, role, programRole, null);
	}

	/** A launch whose platform also sends this email address ({@code null}: none). */
	Browser launch(String subject, String name, String role, String programRole, String email) {
		return this.platform.signIn(tool(""), subject, claims -> claims.claim("name", name).claim("email", email)
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", this.contextId, "title", "Survey course " + this.contextId, "label", "SV"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
					programRole == null ? Map.of() : Map.of("program_role", programRole)));
	}

	String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
