package org.coachapproach.progress;

import java.util.function.UnaryOperator;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.TestLaunches;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/** Launches a fresh person through {@link TestLaunches} over real HTTP and keeps the browser signed in. */
final class MentorLaunch {

	private final TestLaunches launches;

	MentorLaunch(TestPlatform platform, int port, Registrations registrations) {
		this.launches = new TestLaunches(platform, registrations, port);
	}

	/** A signed-in browser for a new person with the given subject, in the course "Mentor Training 2026". */
	Browser launch(String subject) {
		return launch(subject, UnaryOperator.identity());
	}

	Browser launch(String subject, UnaryOperator<JWTClaimsSet.Builder> adjust) {
		return this.launches.launch(subject, adjust);
	}

	String tool(String path) {
		return this.launches.tool(path);
	}

}
