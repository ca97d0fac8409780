package org.coachapproach.matching;

import java.util.List;
import java.util.Map;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/** Signs people into one course of the test's own with a program role, through real launches. */
final class ProgramLaunch {

	static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator";

	private final TestPlatform platform;

	private final int port;

	private final String contextId;

	ProgramLaunch(TestPlatform platform, int port, Registrations registrations, String contextId) {
		this.platform = platform;
		this.port = port;
		this.contextId = contextId;
		platform.registerWith(registrations);
	}

	Browser mentor(String subject, String name) {
		return launch(subject, name, LEARNER, "mentor");
	}

	Browser mentee(String subject, String name) {
		return launch(subject, name, LEARNER, "mentee");
	}

	Browser staff(String subject, String name) {
		return launch(subject, name, ADMINISTRATOR, "staff");
	}

	Browser launch(String subject, String name, String role, String programRole) {
		return launch(subject, name, role, programRole, "dana@example.edu");
	}

	/** A launch whose platform sends this email address ({@code null}: none). */
	Browser launch(String subject, String name, String role, String programRole, String email) {
		return this.platform.signIn(tool(""), subject, claims -> claims.claim("name", name).claim("email", email)
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", this.contextId, "title", "Matching course", "label", "MC"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("program_role", programRole)));
	}

	String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
