package org.coachapproach.demoplatform;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up the LTI Advantage tests share (and with it one application context): a stub tool
 * on its own port that asked for every service scope, registered with the platform at
 * start-up, and a roster page size of 30. Helpers get access tokens, launch claims and
 * deep-linking requests over real HTTP, as a tool and a browser would, and write deep-linking
 * responses as the tool would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.demo.roster-page-size=30")
abstract class RegisteredStubTool {

	static final StubTool tool = StubTool.start(StubTool.ALL_SCOPES);

	static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";

	static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

	@DynamicPropertySource
	static void toolUrl(DynamicPropertyRegistry registry) {
		registry.add("coachapproach.demo.tool-url", tool::url);
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoPlatform platform;

	PlatformHttp http;

	String issuer;

	String clientId;

	@BeforeEach
	void registered() {
		this.http = new PlatformHttp(this.port);
		this.issuer = "http://127.0.0.1:" + this.port;
		assertThat(this.platform.awaitRegistration(Duration.ofSeconds(30))).isEqualTo(RegistrationState.REGISTERED);
		this.clientId = this.platform.clientId().orElseThrow();
		this.platform.clearFailures();
	}

	/** The token endpoint's form for a client assertion and scope. */
	Map<String, String> tokenRequest(String assertion, String scope) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		form.put("client_assertion", assertion);
		form.put("scope", scope);
		return form;
	}

	/** An access token for {@code scope}, from the token endpoint. */
	String accessToken(String scope) throws Exception {
		HttpResponse<String> response = this.http.postForm("/demo/token",
				tokenRequest(tool.clientAssertion(this.clientId, this.issuer + "/demo/token"), scope));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) PlatformHttp.json(response.body()).get("access_token");
	}

	/**
	 * Opens a course page as a browser would, then does what the tool does with the login
	 * initiation in its frame (sends the browser to the authorization endpoint); answers the
	 * verified id_token's claims and the login initiation's parameters.
	 */
	Launched launch(URI coursePage) throws Exception {
		HttpResponse<String> page = this.http.get(coursePage.toString());
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		String loginUrl = PlatformHttp.attribute(PlatformHttp.tag(page.body(), "iframe", "id=\"tool-frame\""), "src");
		Map<String, String> login = PlatformHttp.queryParameters(loginUrl);
		Map<String, String> authorization = new LinkedHashMap<>();
		authorization.put("scope", "openid");
		authorization.put("response_type", "id_token");
		authorization.put("response_mode", "form_post");
		authorization.put("prompt", "none");
		authorization.put("client_id", login.get("client_id"));
		authorization.put("redirect_uri", tool.url() + "/lti/launch");
		authorization.put("login_hint", login.get("login_hint"));
		authorization.put("lti_message_hint", login.get("lti_message_hint"));
		authorization.put("state", "state-1");
		authorization.put("nonce", UUID.randomUUID().toString());
		HttpResponse<String> post = this.http.get("/demo/authorize", authorization);
		assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
		return new Launched(page.body(), login, this.http.verify(PlatformHttp.formInputs(post.body()).get("id_token")));
	}

	/** Sends "Add content" as the instructor; answers the request's data. */
	String deepLinkingData() throws Exception {
		return (String) launch(this.platform.deepLinkingLaunchUrl("instructor")).claims()
			.getJSONObjectClaim(DeepLinkingTests.DL + "deep_linking_settings")
			.get("data");
	}

	JWTClaimsSet.Builder response(String data, String nonce, List<Map<String, Object>> items) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.clientId)
			.audience(this.issuer)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", nonce)
			.claim(PlatformHttp.LTI + "message_type", "LtiDeepLinkingResponse")
			.claim(PlatformHttp.LTI + "version", "1.3.0")
			.claim(PlatformHttp.LTI + "deployment_id", this.platform.deploymentId().orElseThrow())
			.claim(DeepLinkingTests.DL + "data", data)
			.claim(DeepLinkingTests.DL + "content_items", items);
	}

	/** What a launch showed and sent. */
	record Launched(String page, Map<String, String> login, JWTClaimsSet claims) {
	}

}
