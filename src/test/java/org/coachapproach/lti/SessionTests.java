package org.coachapproach.lti;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.Enrolment;
import org.coachapproach.people.MembershipStatus;
import org.coachapproach.people.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in sessions after the launch, over real HTTP with real signed id_tokens: roles and
 * membership re-read on every request, idle and absolute timeouts, sign-out, the partitioned
 * cookie, and where a token in the URL counts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SessionTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(this.registrations);
	}

	@Test
	void shouldRefuseTheNextRequestOfAMemberTheRosterRemoved() {
		String course = "course-removed-" + System.nanoTime();
		Browser mentor = platform.signIn(tool(""), "mentor-removed", claims -> inCourse(claims, course));
		assertThat(mentor.get(tool("/")).statusCode()).isEqualTo(200);

		this.people.replaceRoster(courseId(course), List.of(new Enrolment("someone-else", "Someone Else", null,
				Set.of(CourseRole.LEARNER), MembershipStatus.ACTIVE)), Instant.now().plusSeconds(1));

		HttpResponse<String> next = mentor.get(tool("/"));
		assertThat(next.statusCode()).isEqualTo(401);
		assertThat(next.body()).contains("Please open Coach Approach from your course");
	}

	@Test
	void shouldApplyADemotionOnTheNextRequest() {
		String course = "course-demoted-" + System.nanoTime();
		Browser teacher = platform.signIn(tool(""), "teacher-demoted", claims -> inCourse(claims, course)
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
					List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")));
		assertThat(teacher.get(tool("/course/settings")).statusCode()).isEqualTo(200);

		this.people.replaceRoster(courseId(course), List.of(new Enrolment("teacher-demoted", "Teacher", null,
				Set.of(CourseRole.LEARNER), MembershipStatus.ACTIVE)), Instant.now().plusSeconds(1));

		assertThat(teacher.get(tool("/course/settings")).statusCode()).isEqualTo(403);
		assertThat(teacher.get(tool("/")).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldEndASessionIdleLongerThanTheIdleTimeout() {
		Browser mentor = platform.signIn(tool(""), "mentor-idle", claims -> claims);
		assertThat(mentor.get(tool("/")).statusCode()).isEqualTo(200);
		String token = mentor.cookie("localhost", "__Host-ca_session");

		this.jdbc.sql("UPDATE access_session SET last_used_at = ? WHERE token_hash = SHA2(?, 256)")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(61 * 60)), token)
			.update();

		assertThat(mentor.get(tool("/")).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldKeepASessionInUseAndRecordItsUse() {
		Browser mentor = platform.signIn(tool(""), "mentor-busy", claims -> claims);
		String token = mentor.cookie("localhost", "__Host-ca_session");
		Instant fiftyMinutesAgo = Instant.now().minusSeconds(50 * 60);
		this.jdbc.sql("UPDATE access_session SET last_used_at = ? WHERE token_hash = SHA2(?, 256)")
			.params(java.sql.Timestamp.from(fiftyMinutesAgo), token)
			.update();

		assertThat(mentor.get(tool("/")).statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT last_used_at FROM access_session WHERE token_hash = SHA2(?, 256)")
			.param(token)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isAfter(Instant.now().minusSeconds(60));
	}

	@Test
	void shouldEndASessionPastItsAbsoluteLifetimeHoweverBusy() {
		Browser mentor = platform.signIn(tool(""), "mentor-old", claims -> claims);
		String token = mentor.cookie("localhost", "__Host-ca_session");
		this.jdbc.sql("UPDATE access_session SET expires_at = ? WHERE token_hash = SHA2(?, 256)")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), token)
			.update();

		assertThat(mentor.get(tool("/")).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldSignOutEndingTheSessionEverywhere() {
		Browser mentor = platform.signIn(tool(""), "mentor-leaving", claims -> claims);
		String token = mentor.cookie("localhost", "__Host-ca_session");
		assertThat(mentor.get(tool("/")).body()).contains("Sign out");

		HttpResponse<String> signedOut = mentor.post(tool("/sign-out"), Map.of());

		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/signed-out")
			.doesNotContain("s=");
		assertThat(signedOut.headers().allValues("Set-Cookie"))
			.anyMatch(c -> c.startsWith("__Host-ca_session=;") && c.contains("Max-Age=0") && c.contains("Partitioned"));
		HttpResponse<String> page = mentor.follow(signedOut);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("You have signed out");
		assertThat(mentor.get(tool("/")).statusCode()).isEqualTo(401);
		// The token itself is dead, not only the cookie: a copy of it (or a URL with it) is refused.
		assertThat(new Browser().get(tool("/?s=" + token)).statusCode()).isEqualTo(401);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM access_session WHERE token_hash = SHA2(?, 256)")
			.param(token)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void shouldSetAPartitionedSessionCookie() {
		Browser browser = new Browser();
		HttpResponse<String> login = browser.get(tool("/lti/login?iss=" + TestPlatform.ISSUER
				+ "&login_hint=mentor-chips&client_id=" + TestPlatform.CLIENT_ID + "&lti_deployment_id="
				+ TestPlatform.DEPLOYMENT_ID + "&target_link_uri=" + tool("/lti/launch")));
		assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("__Host-lti_state_")
				&& c.contains("Partitioned") && c.contains("SameSite=None") && c.contains("Secure"));
		String location = login.headers().firstValue("Location").orElseThrow();
		String token = platform.sign(platform.validClaims(Browser.queryParameter(location, "nonce"), tool("/lti/launch"))
			.subject("mentor-chips")
			.build());

		HttpResponse<String> launched = browser.post(tool("/lti/launch"),
				Map.of("id_token", token, "state", Browser.queryParameter(location, "state")));

		assertThat(launched.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("__Host-ca_session=")
				&& c.contains("Partitioned") && c.contains("SameSite=None") && c.contains("Secure")
				&& c.contains("HttpOnly") && c.contains("Path=/"));
	}

	@Test
	void shouldIgnoreATokenInALinkOpenedFromOutsideAnySite() throws Exception {
		Browser mentor = platform.signIn(tool(""), "mentor-fixation", claims -> claims);
		String token = mentor.cookie("localhost", "__Host-ca_session");

		// A link in a mail or chat app: Sec-Fetch-Site none. Signing the browser in to the
		// token's session there would be session fixation.
		assertThat(getWithFetchSite("/?s=" + token, "none").statusCode()).isEqualTo(401);
		assertThat(getWithFetchSite("/?s=" + token, "cross-site").statusCode()).isEqualTo(401);
		assertThat(getWithFetchSite("/?s=" + token, "same-site").statusCode()).isEqualTo(401);
		// The tool's own navigation inside the frame carries it on.
		assertThat(getWithFetchSite("/?s=" + token, "same-origin").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldLetOnlyTheSessionsOwnPlatformFrameItsPages() {
		this.registrations.register(new org.coachapproach.lti.registration.RegistrationRequest("https://other.example",
				"other-client", "Another platform", "https://other.example/auth", null, "https://other.example/jwks",
				List.of("other-deployment"), false, Set.of("https://frames.other.example"), "test"));
		Browser mentor = platform.signIn(tool(""), "mentor-framed", claims -> claims);

		String signedIn = mentor.get(tool("/")).headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(signedIn).startsWith("frame-ancestors 'self' ").contains("https://platform.test")
			.doesNotContain("other.example").contains("script-src 'self'");
		// Before a session exists, every registered platform may frame the tool's launch pages.
		String anonymous = new Browser().get(tool("/lti/jwks")).headers().firstValue("Content-Security-Policy")
			.orElseThrow();
		assertThat(anonymous).contains("https://platform.test").contains("https://frames.other.example");
	}

	private HttpResponse<String> getWithFetchSite(String path, String site) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tool(path)))
			.header("Sec-Fetch-Site", site)
			.header("Accept", "text/html")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static com.nimbusds.jwt.JWTClaimsSet.Builder inCourse(com.nimbusds.jwt.JWTClaimsSet.Builder claims,
			String course) {
		return claims.claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", "Course"));
	}

	private CourseId courseId(String contextId) {
		return new CourseId(this.jdbc.sql("SELECT id FROM course WHERE context_id = ?")
			.param(contextId)
			.query(Long.class)
			.single());
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
