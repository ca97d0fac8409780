package org.coachapproach;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;

/**
 * Signs people in to the tool the way a platform does, for any module's tests: a full LTI
 * launch over real HTTP (login initiation, an id_token signed by {@link TestPlatform}, the
 * launch), answering the signed-in {@link Browser}. Launches go into the platform's default
 * course, or into a course of the test's own ({@link #inCourse}) so that what a test changes
 * there never reaches another test's course.
 */
public final class TestLaunches {

	public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	public static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator";

	public static final String INSTITUTION_ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	private static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";

	private final TestPlatform platform;

	private final String base;

	/** The course's context claim; null: the platform's default course. */
	private final Map<String, String> context;

	private TestLaunches(TestPlatform platform, String base, Map<String, String> context) {
		this.platform = platform;
		this.base = base;
		this.context = context;
	}

	/** Registers {@code platform} with the tool listening on {@code port}; launches go into its default course. */
	public TestLaunches(TestPlatform platform, Registrations registrations, int port) {
		this(platform, "http://localhost:" + port, null);
		platform.registerWith(registrations);
	}

	/** The same platform and tool, launching into the course {@code contextId} with this title and label. */
	public TestLaunches inCourse(String contextId, String title, String label) {
		return new TestLaunches(this.platform, this.base,
				Map.of("id", contextId, "title", title, "label", label));
	}

	/** A signed-in browser for {@code subject}; {@code adjust} changes the platform's valid claims. */
	public Browser launch(String subject, UnaryOperator<JWTClaimsSet.Builder> adjust) {
		return this.platform.signIn(this.base, subject, (claims) -> adjust.apply(
				(this.context != null) ? claims.claim(CLAIM + "context", this.context) : claims));
	}

	/** A signed-in browser for a person of this name and LTI role; email and program role as the platform's defaults. */
	public Browser launch(String subject, String name, String role) {
		return launch(subject, (claims) -> claims.claim("name", name).claim(CLAIM + "roles", List.of(role)));
	}

	/**
	 * A signed-in browser for a person of this name, LTI role and program role (custom parameter
	 * {@code program_role}; {@code null}: none), whose platform sends this email ({@code null}: none).
	 */
	public Browser launch(String subject, String name, String role, String programRole, String email) {
		return launch(subject, (claims) -> claims.claim("name", name)
			.claim("email", email)
			.claim(CLAIM + "roles", List.of(role))
			.claim(CLAIM + "custom", (programRole != null) ? Map.of("program_role", programRole) : Map.of()));
	}

	/** The tool's URL for {@code path}. */
	public String tool(String path) {
		return this.base + path;
	}

}
