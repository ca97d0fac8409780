package org.coachapproach.demoplatform;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.coachapproach.demoplatform.course.DemoRoster;
import org.coachapproach.demoplatform.launch.Launch;
import org.coachapproach.demoplatform.launch.Launches;
import org.coachapproach.demoplatform.registration.RegistrationTokens;
import org.coachapproach.demoplatform.registration.ToolRegistration;
import org.coachapproach.demoplatform.registration.ToolRegistrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization endpoint, as a fake tool at {@code https://tool.example} would reach it
 * after login initiation; the launches are prepared through the platform's own API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuthorizationEndpointTests {

	static final String TOOL = "https://tool.example";

	@LocalServerPort
	int port;

	@Autowired
	RegistrationTokens tokens;

	@Autowired
	ToolRegistrations registrations;

	@Autowired
	Launches launches;

	@Autowired
	DemoRoster roster;

	PlatformHttp http;

	ToolRegistration registration;

	@BeforeEach
	void registerTheFakeTool() throws Exception {
		this.http = new PlatformHttp(this.port);
		HttpResponse<String> response = this.http.postJson("/demo/registrations", this.tokens.issue(),
				PlatformHttp.toolConfiguration(TOOL));
		assertThat(response.statusCode()).isEqualTo(200);
		this.registration = this.registrations
			.findByClientId((String) PlatformHttp.json(response.body()).get("client_id"))
			.orElseThrow();
	}

	@Test
	void shouldPostAVerifiableIdTokenToTheRedirectUri() throws Exception {
		Launch launch = prepare("staff");

		HttpResponse<String> response = this.http.get("/demo/authorize", request("staff", launch));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		String form = PlatformHttp.tag(response.body(), "form", "id=\"launch-form\"");
		assertThat(PlatformHttp.attribute(form, "method")).isEqualTo("post");
		assertThat(PlatformHttp.attribute(form, "action")).isEqualTo(TOOL + "/lti/launch");
		assertThat(response.body()).contains("<noscript>").containsPattern("<button type=\"submit\"[^>]*>[^<]+</button>");
		assertThat(response.body()).contains("/demo/assets/autopost.js");
		Map<String, String> fields = PlatformHttp.formInputs(response.body());
		assertThat(fields).containsEntry("state", "state-&-<value>")
			.containsEntry("lti_storage_target", "post_message_forwarding")
			.containsKey("id_token");

		String idToken = fields.get("id_token");
		SignedJWT jwt = SignedJWT.parse(idToken);
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		JWKSet keys = JWKSet.parse(this.http.get("/demo/jwks").body());
		assertThat(keys.getKeyByKeyId(jwt.getHeader().getKeyID())).isNotNull();
		JWTClaimsSet claims = this.http.verify(idToken);

		String issuer = "http://127.0.0.1:" + this.port;
		assertThat(claims.getIssuer()).isEqualTo(issuer);
		assertThat(claims.getAudience()).containsExactly(this.registration.clientId());
		assertThat(claims.getStringClaim("azp")).isEqualTo(this.registration.clientId());
		assertThat(claims.getSubject()).isEqualTo("e9d2c6b0-8a14-4f7e-93c5-1b6a0d4e7f28");
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(300_000);
		assertThat(claims.getStringClaim("nonce")).isEqualTo("nonce-1");
		assertThat(claims.getStringClaim("name")).isEqualTo("Margaret Lindqvist");
		assertThat(claims.getStringClaim("given_name")).isEqualTo("Margaret");
		assertThat(claims.getStringClaim("family_name")).isEqualTo("Lindqvist");
		assertThat(claims.getStringClaim("email")).isEqualTo("margaret.lindqvist@example.edu");
		assertThat(claims.getStringClaim(PlatformHttp.LTI + "message_type")).isEqualTo("LtiResourceLinkRequest");
		assertThat(claims.getStringClaim(PlatformHttp.LTI + "version")).isEqualTo("1.3.0");
		assertThat(claims.getStringClaim(PlatformHttp.LTI + "deployment_id")).isEqualTo(this.registration.deploymentId());
		assertThat(claims.getStringClaim(PlatformHttp.LTI + "target_link_uri")).isEqualTo(TOOL + "/lti/launch");
		assertThat(claims.getJSONObjectClaim(PlatformHttp.LTI + "resource_link"))
			.containsEntry("id", launch.resourceLinkId())
			.containsEntry("title", "Fake Tool Home");
		assertThat(claims.getStringListClaim(PlatformHttp.LTI + "roles")).containsExactly(
				"http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
				"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator");
		assertThat(claims.getJSONObjectClaim(PlatformHttp.LTI + "context"))
			.containsEntry("id", this.roster.course().contextId())
			.containsEntry("label", "CA 101")
			.containsEntry("title", "Coach Approach — Demo Course")
			.containsEntry("type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"));
		assertThat(claims.getJSONObjectClaim(PlatformHttp.LTI + "tool_platform"))
			.containsEntry("product_family_code", "coachapproach-demo")
			.containsKeys("guid", "name", "version");
		assertThat(claims.getJSONObjectClaim(PlatformHttp.LTI + "launch_presentation"))
			.containsEntry("document_target", "iframe")
			.containsEntry("return_url", issuer + "/demo")
			.containsEntry("locale", "en");
		assertThat(claims.getJSONObjectClaim(PlatformHttp.LTI + "custom")).containsEntry("program_role", "staff")
			.containsEntry("course_title", "$Context.title");
		assertThat(claims.getStringClaim("https://www.instructure.com/placement")).isEqualTo("course_navigation");
	}

	@Test
	void shouldSendEachPersonTheirOwnRolesAndProgramRole() throws Exception {
		Map<String, List<String>> roles = Map.of("mentor",
				List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), "mentee",
				List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), "instructor",
				List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"));
		Map<String, String> programRoles = new LinkedHashMap<>();
		programRoles.put("mentor", "mentor");
		programRoles.put("mentee", "mentee");
		programRoles.put("instructor", null);
		for (String person : roles.keySet()) {
			// The form post is the other way in.
			HttpResponse<String> response = this.http.postForm("/demo/authorize", request(person, prepare(person)));

			assertThat(response.statusCode()).as(person).isEqualTo(200);
			JWTClaimsSet claims = this.http.verify(PlatformHttp.formInputs(response.body()).get("id_token"));
			assertThat(claims.getStringListClaim(PlatformHttp.LTI + "roles")).as(person).isEqualTo(roles.get(person));
			assertThat(claims.getJSONObjectClaim(PlatformHttp.LTI + "custom").get("program_role")).as(person)
				.isEqualTo(programRoles.get(person));
			assertThat(claims.getSubject()).isEqualTo(this.roster.person(person).orElseThrow().subject());
		}
	}

	@Test
	void shouldRefuseARedirectUriTheToolDidNotRegisterWithoutRedirecting() throws Exception {
		Map<String, String> request = request("mentor", prepare("mentor"));
		request.put("redirect_uri", "https://attacker.example/steal");

		assertRefused(this.http.get("/demo/authorize", request), "redirect_uri", "attacker.example");
		request.put("redirect_uri", TOOL + "/lti/launch/");
		assertRefused(this.http.postForm("/demo/authorize", request), "redirect_uri", null);
	}

	@Test
	void shouldRefuseAnUnknownClient() throws Exception {
		Map<String, String> request = request("mentor", prepare("mentor"));
		request.put("client_id", "no-such-client");

		assertRefused(this.http.get("/demo/authorize", request), "client_id_unknown", null);
		request.remove("client_id");
		assertRefused(this.http.get("/demo/authorize", request), "client_id_missing", null);
	}

	@Test
	void shouldRefuseARequestThatBreaksTheOidcRules() throws Exception {
		Launch mentorLaunch = prepare("mentor");
		Map<String, Map<String, String>> broken = new LinkedHashMap<>();
		broken.put("scope", with(request("mentor", mentorLaunch), "scope", "profile"));
		broken.put("response_type", with(request("mentor", mentorLaunch), "response_type", "code"));
		broken.put("response_mode", with(request("mentor", mentorLaunch), "response_mode", "query"));
		broken.put("prompt", with(request("mentor", mentorLaunch), "prompt", "login"));
		broken.put("nonce", with(request("mentor", mentorLaunch), "nonce", ""));
		broken.put("login_hint", with(request("mentor", mentorLaunch), "login_hint", "dean"));
		broken.put("lti_message_hint", with(request("mentor", mentorLaunch), "lti_message_hint", "made-up"));

		for (Map.Entry<String, Map<String, String>> request : broken.entrySet()) {
			assertRefused(this.http.get("/demo/authorize", request.getValue()), request.getKey(), null);
		}
	}

	@Test
	void shouldRefuseAMessageHintPreparedForSomeoneElse() throws Exception {
		Launch mentorLaunch = prepare("mentor");

		assertRefused(this.http.get("/demo/authorize", request("staff", mentorLaunch)), "lti_message_hint", null);
	}

	private Launch prepare(String person) {
		return this.launches.prepare(this.roster.person(person).orElseThrow(), this.roster.course(), this.registration);
	}

	/** What the tool sends after login initiation (LTI Security Framework §5.1.1.2). */
	private Map<String, String> request(String person, Launch launch) {
		Map<String, String> request = new LinkedHashMap<>();
		request.put("scope", "openid");
		request.put("response_type", "id_token");
		request.put("response_mode", "form_post");
		request.put("prompt", "none");
		request.put("client_id", this.registration.clientId());
		request.put("redirect_uri", TOOL + "/lti/launch");
		request.put("login_hint", person);
		request.put("lti_message_hint", launch.messageHint());
		request.put("state", "state-&-<value>");
		request.put("nonce", "nonce-1");
		request.put("lti_storage_target", "post_message_forwarding");
		return request;
	}

	private static Map<String, String> with(Map<String, String> request, String name, String value) {
		request.put(name, value);
		return request;
	}

	private static void assertRefused(HttpResponse<String> response, String reason, String notMentioned) {
		assertThat(response.statusCode()).as(reason).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).as(reason).isEmpty();
		assertThat(response.body()).as(reason)
			.contains("data-reason=\"" + reason + "\"")
			.doesNotContain("name=\"id_token\"")
			.doesNotContain("<form")
			.doesNotContain("http-equiv=\"refresh\"");
		if (notMentioned != null) {
			assertThat(response.body()).doesNotContain(notMentioned);
		}
	}

}
