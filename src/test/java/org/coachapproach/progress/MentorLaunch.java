package org.coachapproach.progress;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.RegistrationRequest;
import org.coachapproach.lti.registration.Registrations;

/** Launches a fresh person through {@link TestPlatform} over real HTTP and keeps the browser signed in. */
final class MentorLaunch {

	private final TestPlatform platform;

	private final int port;

	MentorLaunch(TestPlatform platform, int port, Registrations registrations) {
		this.platform = platform;
		this.port = port;
		registrations.register(new RegistrationRequest(TestPlatform.ISSUER, TestPlatform.CLIENT_ID, "Test platform",
				platform.authorizeUrl(), null, platform.jwksUrl(), List.of(TestPlatform.DEPLOYMENT_ID), false, Set.of(),
				"test"));
	}

	/** A signed-in browser for a new person with the given subject, in the course "Mentor Training 2026". */
	Browser launch(String subject) {
		return launch(subject, claims -> claims);
	}

	Browser launch(String subject, UnaryOperator<JWTClaimsSet.Builder> adjust) {
		Browser browser = new Browser();
		HttpResponse<String> login = browser.get(tool("/lti/login?iss=" + TestPlatform.ISSUER + "&login_hint=" + subject
				+ "&client_id=" + TestPlatform.CLIENT_ID + "&lti_deployment_id=" + TestPlatform.DEPLOYMENT_ID
				+ "&target_link_uri=" + tool("/lti/launch")));
		String location = login.headers().firstValue("Location").orElseThrow(
				() -> new AssertionError("login did not redirect: " + login.statusCode() + " " + login.body()));
		String token = this.platform.sign(adjust
			.apply(this.platform.validClaims(Browser.queryParameter(location, "nonce"), tool("/lti/launch")).subject(subject))
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
