package org.coachapproach.curriculum;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.RegistrationRequest;
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
		registrations.register(new RegistrationRequest(TestPlatform.ISSUER, TestPlatform.CLIENT_ID, "Test platform",
				platform.authorizeUrl(), null, platform.jwksUrl(), List.of(TestPlatform.DEPLOYMENT_ID), false, Set.of(),
				"test"));
	}

	/** A signed-in browser for a new person with this name and LTI role in the course. */
	Browser launch(String subject, String name, String role) {
		Browser browser = new Browser();
		HttpResponse<String> login = browser.get(tool("/lti/login?iss=" + TestPlatform.ISSUER + "&login_hint=" + subject
				+ "&client_id=" + TestPlatform.CLIENT_ID + "&lti_deployment_id=" + TestPlatform.DEPLOYMENT_ID
				+ "&target_link_uri=" + tool("/lti/launch")));
		String location = login.headers().firstValue("Location").orElseThrow(
				() -> new AssertionError("login did not redirect: " + login.statusCode() + " " + login.body()));
		String token = this.platform.sign(this.platform.validClaims(Browser.queryParameter(location, "nonce"), tool("/lti/launch"))
			.subject(subject)
			.claim("name", name)
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", this.contextId, "title", "Settings course " + this.contextId, "label", "SC"))
			.build());
		HttpResponse<String> launched = browser.post(tool("/lti/launch"),
				Map.of("id_token", token, "state", Browser.queryParameter(location, "state")));
		if (launched.statusCode() != 302) {
			throw new AssertionError("launch refused: " + launched.statusCode() + " " + launched.body());
		}
		return browser;
	}

	String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
