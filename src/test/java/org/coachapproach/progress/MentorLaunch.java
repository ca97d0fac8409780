package org.coachapproach.progress;

import java.util.function.UnaryOperator;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/** Launches a fresh person through {@link TestPlatform} over real HTTP and keeps the browser signed in. */
final class MentorLaunch {

	private final TestPlatform platform;

	private final int port;

	MentorLaunch(TestPlatform platform, int port, Registrations registrations) {
		this.platform = platform;
		this.port = port;
		platform.registerWith(registrations);
	}

	/** A signed-in browser for a new person with the given subject, in the course "Mentor Training 2026". */
	Browser launch(String subject) {
		return launch(subject, claims -> claims);
	}

	Browser launch(String subject, UnaryOperator<JWTClaimsSet.Builder> adjust) {
		return this.platform.signIn(tool(""), subject, adjust);
	}

	String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
