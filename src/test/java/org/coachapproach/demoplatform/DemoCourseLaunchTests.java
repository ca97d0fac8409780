package org.coachapproach.demoplatform;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo from start-up to launch, with a stub tool on its own port standing in for the
 * Coach Approach tool: self-registration, the home page, registering again (from the server,
 * with the registration secret the pages never show), the course page and the authorization
 * that follows login initiation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoCourseLaunchTests {

	static final StubTool tool = StubTool.start();

	/** What the tool's administrator set: the platform may send it to the tool, never show it. */
	static final String SECRET = "demo-s3cret+&=";

	@DynamicPropertySource
	static void toolUrl(DynamicPropertyRegistry registry) {
		registry.add("coachapproach.demo.tool-url", tool::url);
		registry.add("coachapproach.lti.registration-secret", () -> SECRET);
	}

	@AfterAll
	static void stopTool() {
		tool.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoPlatform platform;

	PlatformHttp http;

	String issuer;

	@BeforeEach
	void awaitRegistration() {
		this.http = new PlatformHttp(this.port);
		this.issuer = "http://127.0.0.1:" + this.port;
		assertThat(this.platform.awaitRegistration(Duration.ofSeconds(30))).isEqualTo(RegistrationState.REGISTERED);
	}

	@Test
	void shouldRegisterTheToolThroughDynamicRegistrationAtStartUp() {
		assertThat(tool.configurationUrls).first().isEqualTo(this.issuer + "/demo/.well-known/openid-configuration");
		Map<String, Object> answer = tool.latestRegistration();
		assertThat(this.platform.registrationState()).isEqualTo(RegistrationState.REGISTERED);
		assertThat(this.platform.clientId()).hasValue((String) answer.get("client_id"));
		assertThat(this.platform.deploymentId())
			.hasValue((String) ((Map<?, ?>) answer.get(PlatformHttp.TOOL_CONFIGURATION)).get("deployment_id"));
	}

	@Test
	void shouldShowTheCourseItsPeopleAndTheRegistration() throws Exception {
		HttpResponse<String> response = this.http.get("/demo");

		assertThat(response.statusCode()).isEqualTo(200);
		String page = response.body();
		assertThat(page).contains("<html lang=\"en\">", "Coach Approach — Demo Course", "Amara Okafor", "Daniel Reyes",
				"Priya Raman", "Margaret Lindqvist");
		for (String person : List.of("mentor", "mentee", "instructor", "staff")) {
			String link = PlatformHttp.tag(page, "a", "id=\"launch-" + person + "\"");
			assertThat(PlatformHttp.attribute(link, "href")).isEqualTo(this.platform.launchUrl(person).toString());
		}
		assertThat(PlatformHttp.attribute(PlatformHttp.tag(page, "span", "id=\"registration-state\""), "data-state"))
			.isEqualTo("REGISTERED");
		assertThat(page).contains(this.platform.clientId().orElseThrow(), this.platform.deploymentId().orElseThrow());
		String form = PlatformHttp.tag(page, "form", "/demo/tool-registration");
		assertThat(PlatformHttp.attribute(form, "method")).isEqualTo("post");
	}

	@Test
	void shouldRegisterTheToolAgainFromTheServerWithTheSecretOnlyThere() throws Exception {
		String before = this.platform.clientId().orElseThrow();
		int registrations = tool.registrationQueries.size();

		HttpResponse<String> answer = this.http.postForm("/demo/tool-registration", Map.of());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(home -> assertThat(home).endsWith("/demo"));
		assertThat(tool.registrationQueries).hasSize(registrations + 1);
		assertThat(tool.registrationQueries.get(registrations)).containsEntry("key", SECRET)
			.containsEntry("openid_configuration", this.issuer + "/demo/.well-known/openid-configuration")
			.containsKey("registration_token");
		assertThat(this.platform.clientId()).hasValue((String) tool.latestRegistration().get("client_id"))
			.isNotEqualTo(before);
		assertNoSecretIn(answer);
	}

	@Test
	void shouldNeverShowTheRegistrationSecret() throws Exception {
		List<HttpResponse<String>> answers = new ArrayList<>();
		answers.add(this.http.postForm("/demo/tool-registration", Map.of()));
		for (String page : List.of("/demo", "/demo/.well-known/openid-configuration", "/demo/jwks",
				"/demo/post_message_forwarding", this.platform.launchUrl("staff").toString(),
				this.platform.deepLinkingLaunchUrl("instructor").toString(),
				this.platform.gradebookUrl("instructor").toString())) {
			answers.add(this.http.get(page));
		}

		for (HttpResponse<String> answer : answers) {
			assertThat(answer.statusCode()).as(answer.uri().toString()).isLessThan(400);
			assertNoSecretIn(answer);
		}
	}

	/** Neither the secret nor its URL-encoded form (both contain "s3cret"). */
	private static void assertNoSecretIn(HttpResponse<String> answer) {
		String uri = answer.uri().toString();
		assertThat(answer.body()).as(uri).doesNotContain("s3cret");
		assertThat(answer.headers().map().toString()).as(uri).doesNotContain("s3cret");
	}

	@Test
	void shouldLaunchTheToolInAFrameOfTheCoursePage() throws Exception {
		HttpResponse<String> response = this.http.get(this.platform.launchUrl("mentee").toString());

		assertThat(response.statusCode()).isEqualTo(200);
		String page = response.body();
		assertThat(page).contains("<html lang=\"en\">", "/demo/assets/lti-messages.js");
		String storageFrame = PlatformHttp.tag(page, "iframe", "name=\"post_message_forwarding\"");
		assertThat(PlatformHttp.attribute(storageFrame, "src")).isEqualTo(this.issuer + "/demo/post_message_forwarding");
		String toolFrame = PlatformHttp.tag(page, "iframe", "id=\"tool-frame\"");
		assertThat(PlatformHttp.attribute(toolFrame, "allow")).isEqualTo("clipboard-write");
		assertThat(PlatformHttp.attribute(toolFrame, "title")).isNotBlank();
		String loginUrl = PlatformHttp.attribute(toolFrame, "src");
		assertThat(loginUrl).startsWith(tool.url() + "/lti/login?");
		Map<String, String> login = PlatformHttp.queryParameters(loginUrl);
		assertThat(login).containsEntry("iss", this.issuer)
			.containsEntry("login_hint", "mentee")
			.containsEntry("target_link_uri", tool.url() + "/lti/launch")
			.containsEntry("client_id", this.platform.clientId().orElseThrow())
			.containsEntry("lti_deployment_id", this.platform.deploymentId().orElseThrow())
			.containsEntry("lti_storage_target", "post_message_forwarding")
			.containsKey("lti_message_hint");

		// The tool answers login initiation by sending the browser to the authorization endpoint.
		Map<String, String> authorization = new LinkedHashMap<>();
		authorization.put("scope", "openid");
		authorization.put("response_type", "id_token");
		authorization.put("response_mode", "form_post");
		authorization.put("prompt", "none");
		authorization.put("client_id", login.get("client_id"));
		authorization.put("redirect_uri", tool.url() + "/lti/launch");
		authorization.put("login_hint", login.get("login_hint"));
		authorization.put("lti_message_hint", login.get("lti_message_hint"));
		authorization.put("state", "s-1");
		authorization.put("nonce", "n-1");
		HttpResponse<String> post = this.http.get("/demo/authorize", authorization);

		assertThat(post.statusCode()).isEqualTo(200);
		assertThat(PlatformHttp.attribute(PlatformHttp.tag(post.body(), "form", "id=\"launch-form\""), "action"))
			.isEqualTo(tool.url() + "/lti/launch");
		Map<String, String> fields = PlatformHttp.formInputs(post.body());
		assertThat(fields).containsEntry("state", "s-1").doesNotContainKey("lti_storage_target");
		JWTClaimsSet claims = this.http.verify(fields.get("id_token"));
		assertThat(claims.getIssuer()).isEqualTo(this.issuer);
		assertThat(claims.getSubject()).isEqualTo("2b8e5d14-9c7a-4e3f-b1d6-0a4f6e8c2d72");
		assertThat(claims.getStringClaim("nonce")).isEqualTo("n-1");
		assertThat(claims.getJSONObjectClaim(PlatformHttp.LTI + "custom")).containsEntry("program_role", "mentee");
		assertThat(claims.getStringListClaim(PlatformHttp.LTI + "roles"))
			.containsExactly("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
	}

	@Test
	void shouldRefuseToLaunchAsSomeoneOutsideTheCourse() throws Exception {
		assertThat(this.http.get("/demo/courses/coach-approach/launch?person=dean").statusCode()).isEqualTo(404);
		assertThat(this.http.get("/demo/courses/other-course/launch?person=mentor").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldServeThePlatformStorageFrame() throws Exception {
		HttpResponse<String> frame = this.http.get("/demo/post_message_forwarding");

		assertThat(frame.statusCode()).isEqualTo(200);
		assertThat(frame.body()).contains("<html lang=\"en\">", "/demo/assets/lti-messages.js");
		assertThat(this.http.get("/demo/assets/platform.css").statusCode()).isEqualTo(200);
		HttpResponse<String> script = this.http.get("/demo/assets/lti-messages.js");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("'lti.capabilities'", "'lti.put_data'", "'lti.get_data'",
				"'post_message_forwarding'", "'.response'", "event.source.postMessage(", "event.origin");
	}

}
