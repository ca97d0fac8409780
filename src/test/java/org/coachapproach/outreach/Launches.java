package org.coachapproach.outreach;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.coachapproach.TestLaunches;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/** Signs people in to the tool through {@link TestLaunches}: program staff, or a mentor. */
public final class Launches {

	private final TestLaunches launches;

	public Launches(TestPlatform platform, Registrations registrations, int port) {
		this.launches = new TestLaunches(platform, registrations, port);
	}

	/** Program staff: an institution administrator (teaching the course, with the staff program role). */
	public Browser staff() {
		return this.launches.launch("staff-" + UUID.randomUUID(), (claims) -> claims
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
					List.of(TestLaunches.INSTRUCTOR, TestLaunches.INSTITUTION_ADMINISTRATOR))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("program_role", "staff")));
	}

	/** A mentor with this subject (and the platform's default course and email). */
	public Browser mentor(String subject) {
		return this.launches.launch(subject, UnaryOperator.identity());
	}

	public String tool(String path) {
		return this.launches.tool(path);
	}

}
