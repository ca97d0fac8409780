package org.coachapproach.outreach;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/** Signs people in to the tool through {@link TestPlatform}: program staff, or a mentor. */
public final class Launches {

	private final TestPlatform platform;

	private final String base;

	public Launches(TestPlatform platform, Registrations registrations, int port) {
		this.platform = platform;
		this.base = "http://localhost:" + port;
		platform.registerWith(registrations);
	}

	/** Program staff: an institution administrator (teaching the course, with the staff program role). */
	public Browser staff() {
		return this.platform.signIn(this.base, "staff-" + UUID.randomUUID(), claims -> claims
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
					List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
							"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("program_role", "staff")));
	}

	/** A mentor with this subject (and the platform's default course and email). */
	public Browser mentor(String subject) {
		return this.platform.signIn(this.base, subject, claims -> claims);
	}

	public String tool(String path) {
		return this.base + path;
	}

}
