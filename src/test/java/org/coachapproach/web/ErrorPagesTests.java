package org.coachapproach.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals over real HTTP, as a browser inside the platform's iframe sees them when it blocks
 * the tool's cookies (the session travels in the URL): one error page per status, inside the
 * layout with the member's header and sign-out form, every link of it carrying the session on;
 * and the bare status from an endpoint that answers data.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorPagesTests {

	private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	private static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	private static final String INSTITUTION_ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

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
	void shouldShowARefusalInsideTheLayoutWithEveryLinkCarryingTheSession() {
		String token = token("mentor-refused", List.of(LEARNER));

		HttpResponse<String> page = withoutCookies("/course/settings", token);

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("<title>Not available to you · Coach Approach</title>")
			.contains("Only the course&#39;s instructors, course designers, teaching assistants and program staff")
			.contains("class=\"sign-out\"")
			.contains("href=\"/?s=" + token + "\"")
			.contains("href=\"/series?s=" + token + "\"")
			.contains("action=\"/sign-out?s=" + token + "\"");
	}

	@Test
	void shouldShowTheReasonOfARefusalWithAnotherStatus() {
		String token = token("admin-unconfirmed", List.of(INSTITUTION_ADMINISTRATOR, INSTRUCTOR));

		HttpResponse<String> page = new Browser().post(tool("/program/platform/revoke?s=" + token), Map.of());

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("<title>Not done · Coach Approach</title>")
			.contains("Tick the box to confirm")
			.contains("href=\"/program/platform?s=" + token + "\"");
		assertThat(withoutCookies("/program/platform", token).statusCode()).as("nothing was revoked").isEqualTo(200);
	}

	@Test
	void shouldShowWhatIsNotFoundInsideTheLayout() {
		String token = token("mentor-lost", List.of(LEARNER));

		for (String path : List.of("/sessions/99", "/series/cfds-1999-01-01", "/no-such-page")) {
			HttpResponse<String> page = withoutCookies(path, token);

			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("Page not found")
				.contains("There is nothing at this address")
				.contains("href=\"/?s=" + token + "\"");
		}
	}

	@Test
	void shouldAnswerARefusedDataEndpointWithTheBareStatus() {
		String token = token("mentor-data", List.of(LEARNER));

		for (String path : List.of("/course/surveys/report.json", "/course/surveys/report.csv",
				"/course/surveys/cohorts.json", "/course/surveys/evaluation.json")) {
			HttpResponse<String> answer = withoutCookies(path, token);

			assertThat(answer.statusCode()).as(path).isEqualTo(403);
			assertThat(answer.body()).as(path).isEmpty();
		}
	}

	private HttpResponse<String> withoutCookies(String path, String token) {
		return new Browser().get(tool(path + (path.contains("?") ? "&" : "?") + "s=" + token));
	}

	/** A session of a new person in a course of its own, and its token (as the URL carries it without cookies). */
	private String token(String subject, List<String> roles) {
		String course = "error-pages-" + UUID.randomUUID();
		Browser browser = platform.signIn(tool(""), subject + "-" + UUID.randomUUID(),
				claims -> claims.claim("https://purl.imsglobal.org/spec/lti/claim/roles", roles)
					.claim("https://purl.imsglobal.org/spec/lti/claim/context",
							Map.of("id", course, "title", "Error pages", "label", "EP")));
		return browser.cookie("localhost", "__Host-ca_session");
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
