package org.coachapproach.lti;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform connection page of a program (/program/platform), over real HTTP with real
 * signed launches: institution administrators see their own registration and revoke a
 * deployment or the registration; nobody else, and nothing of another registration.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProgramPlatformTests {

	@Autowired
	org.coachapproach.curriculum.ProgramClock programClock;

	private static final String INSTITUTION_ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	private static final String CONTEXT_ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator";

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	TestPlatform mine;

	TestPlatform other;

	@BeforeEach
	void register() throws Exception {
		// Registrations of their own: revoking one must not touch another test's platform.
		this.mine = TestPlatform.withClientId("mine-" + UUID.randomUUID());
		this.other = TestPlatform.withClientId("other-" + UUID.randomUUID());
		this.mine.registerWith(this.registrations);
		this.other.registerWith(this.registrations);
	}

	@AfterEach
	void stop() {
		this.mine.close();
		this.other.close();
	}

	@Test
	void shouldShowAnInstitutionAdministratorTheirOwnRegistrationOnly() {
		Browser admin = launch(this.mine, "admin", INSTITUTION_ADMINISTRATOR);

		HttpResponse<String> page = admin.get(tool("/program/platform"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Platform connection").contains(this.mine.clientId())
			.contains(TestPlatform.DEPLOYMENT_ID).doesNotContain(this.other.clientId());
		// Registered from a file: nobody said what was granted, so nothing is marked missing.
		assertThat(page.body()).contains("Asked for by the developer key").doesNotContain("Not granted");
	}

	@Test
	void shouldShowTimesInThePersonsTimeZoneAndLocaleFromTheLaunch() {
		Browser admin = launch(this.mine, "admin", INSTITUTION_ADMINISTRATOR, claims -> claims
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("user_time_zone", "Asia/Tokyo"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("locale", "de-DE")));

		String page = admin.get(tool("/program/platform")).body();

		assertThat(page).contains("Added (time zone Asia/Tokyo)")
			.contains(java.time.format.DateTimeFormatter.ofPattern("MMMM", java.util.Locale.GERMAN)
				.format(java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Tokyo"))))
			.contains("Platform connection");
	}

	@Test
	void shouldShowTimesInTheProgramsZoneWhenThePlatformSentNoUsableOne() {
		for (String sent : List.of("$Person.address.timezone", "Mars/Olympus")) {
			Browser admin = launch(this.mine, "admin", INSTITUTION_ADMINISTRATOR, claims -> claims
				.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("user_time_zone", sent)));

			assertThat(admin.get(tool("/program/platform")).body()).as(sent)
				.contains("Added (time zone " + this.programClock.zone().getId() + ")");
		}
	}

	@Test
	void shouldShowWhichServicesThePlatformDidNotGrantAndWhatThatStops() {
		this.mine.registerWith(this.registrations, null,
				java.util.Set.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
						"https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
						"https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
						"https://purl.imsglobal.org/spec/lti-ags/scope/score"));
		Browser admin = launch(this.mine, "admin", INSTITUTION_ADMINISTRATOR);

		HttpResponse<String> page = admin.get(tool("/program/platform"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Services the platform granted the tool")
			.contains("Not granted: rosters cannot be synchronised")
			.doesNotContain("Not granted: completions are not sent")
			.doesNotContain("Asked for by the developer key");
	}

	@Test
	void shouldRefuseEveryoneButInstitutionAdministrators() {
		for (String role : List.of(INSTRUCTOR, CONTEXT_ADMINISTRATOR)) {
			Browser browser = launch(this.mine, "not-admin", role);
			HttpResponse<String> page = browser.get(tool("/program/platform"));
			assertThat(page.statusCode()).as(role).isEqualTo(403);
			assertThat(page.body()).contains("Only institution administrators");
			assertThat(browser.post(tool("/program/platform/revoke"), Map.of("confirm", "revoke")).statusCode()).as(role)
				.isEqualTo(403);
		}
		assertThat(this.registrations.find(this.mine.issuer(), this.mine.clientId())).isPresent();
	}

	@Test
	void shouldRevokeADeploymentSoItsLaunchesAreRefused() {
		Browser admin = launch(this.mine, "admin", INSTITUTION_ADMINISTRATOR);
		long deployment = deploymentRow(this.mine);
		long othersDeployment = deploymentRow(this.other);

		// Another registration's deployment is not this administrator's to end.
		assertThat(admin.post(tool("/program/platform/deployments/" + othersDeployment + "/revoke"), Map.of()).statusCode())
			.isEqualTo(404);
		HttpResponse<String> revoked = admin.post(tool("/program/platform/deployments/" + deployment + "/revoke"), Map.of());

		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(admin.follow(revoked).body()).contains("Revoked on");
		assertThatLaunchIsRefused(this.mine, "installation of the tool is not registered");
		// Registering the platform again does not quietly bring the deployment back.
		this.mine.registerWith(this.registrations);
		assertThatLaunchIsRefused(this.mine, "installation of the tool is not registered");
		assertThat(launch(this.other, "someone", INSTRUCTOR).get(tool("/")).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRevokeTheRegistrationOnlyWhenConfirmedAndSignEveryoneOut() {
		Browser admin = launch(this.mine, "admin", INSTITUTION_ADMINISTRATOR);
		Browser mentor = launch(this.mine, "mentor", "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
		Browser elsewhere = launch(this.other, "elsewhere", INSTRUCTOR);

		HttpResponse<String> unconfirmed = admin.post(tool("/program/platform/revoke"), Map.of());
		assertThat(unconfirmed.statusCode()).isEqualTo(400);
		assertThat(unconfirmed.body()).contains("nothing was revoked");
		assertThat(mentor.get(tool("/")).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = admin.post(tool("/program/platform/revoke"), Map.of("confirm", "revoke"));

		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(revoked.headers().firstValue("Location").orElseThrow()).endsWith("/signed-out");
		assertThat(mentor.get(tool("/")).statusCode()).isEqualTo(401);
		assertThat(admin.get(tool("/")).statusCode()).isEqualTo(401);
		assertThat(elsewhere.get(tool("/")).statusCode()).isEqualTo(200);
		assertThat(this.registrations.find(this.mine.issuer(), this.mine.clientId())).isEmpty();
		HttpResponse<String> login = new Browser().get(tool("/lti/login?iss=" + this.mine.issuer() + "&login_hint=x&client_id="
				+ this.mine.clientId() + "&target_link_uri=" + tool("/lti/launch")));
		assertThat(login.statusCode()).isIn(400, 403);
	}

	private void assertThatLaunchIsRefused(TestPlatform platform, String reason) {
		try {
			platform.signIn(tool(""), "after-revoke", claims -> claims);
			throw new AssertionError("the launch was accepted");
		}
		catch (AssertionError ex) {
			assertThat(ex.getMessage()).contains("launch refused: 403").contains(reason);
		}
	}

	private long deploymentRow(TestPlatform platform) {
		Registration registration = this.registrations.find(platform.issuer(), platform.clientId()).orElseThrow();
		return this.jdbc.sql("SELECT id FROM lti_deployment WHERE registration_id = ? AND deployment_id = ?")
			.params(registration.id(), TestPlatform.DEPLOYMENT_ID)
			.query(Long.class)
			.single();
	}

	private Browser launch(TestPlatform platform, String who, String role) {
		return launch(platform, who, role, claims -> claims);
	}

	private Browser launch(TestPlatform platform, String who, String role,
			java.util.function.UnaryOperator<com.nimbusds.jwt.JWTClaimsSet.Builder> adjust) {
		return platform.signIn(tool(""), who + "-" + platform.clientId(), claims -> adjust.apply(claims
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", "course-" + platform.clientId(), "title", "Course"))));
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
