package org.coachapproach.lti.registration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.Exchanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool's side of Dynamic Registration against a scripted platform over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.registration-secret=s3cret")
class DynamicRegistrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	HttpServer platform;

	String origin;

	volatile String issuer;

	volatile int registrationStatus = 200;

	volatile String scopesSupported = "\"https://purl.imsglobal.org/spec/lti-ags/scope/score\"";

	/** The {@code scope} member of the registration answer, as JSON, or empty for none. */
	volatile String grantedScope = "";

	volatile String postedBody;

	volatile String postedAuthorization;

	@BeforeEach
	void startPlatform() throws IOException {
		this.platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.origin = "http://127.0.0.1:" + this.platform.getAddress().getPort();
		this.issuer = this.origin;
		this.platform.createContext("/config", ex -> Exchanges.json(ex, 200, """
				{"issuer":"%s","authorization_endpoint":"%2$s/auth","registration_endpoint":"%2$s/register",
				 "jwks_uri":"%2$s/jwks","token_endpoint":"%2$s/token",
				 "scopes_supported":["openid",%3$s],
				 "https://purl.imsglobal.org/spec/lti-platform-configuration":{"product_family_code":"scripted","version":"1"}}
				""".formatted(this.issuer, this.origin, this.scopesSupported)));
		this.platform.createContext("/register", ex -> {
			this.postedBody = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.postedAuthorization = ex.getRequestHeaders().getFirst("Authorization");
			Exchanges.json(ex, this.registrationStatus, this.registrationStatus == 200 ? """
					{"client_id":"scripted-client",%s"https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"dep-9"}}
					""".formatted(this.grantedScope) : "{\"error\":\"invalid_client_metadata\"}");
		});
		this.platform.start();
	}

	@AfterEach
	void stopPlatform() {
		this.platform.stop(0);
	}

	@Test
	void shouldRegisterAskingForWhatTheToolNeedsAndCloseThePlatformWindow() {
		HttpResponse<String> response = register("s3cret");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("lti-close.js");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'self' *");
		assertThat(this.postedAuthorization).isEqualTo("Bearer token-1");
		JsonNode body = JsonMapper.builder().build().readTree(this.postedBody);
		assertThat(body.at("/initiate_login_uri").asString()).isEqualTo(tool("/lti/login"));
		assertThat(body.at("/redirect_uris/0").asString()).isEqualTo(tool("/lti/launch"));
		assertThat(body.at("/jwks_uri").asString()).isEqualTo(tool("/lti/jwks"));
		assertThat(body.at("/token_endpoint_auth_method").asString()).isEqualTo("private_key_jwt");
		assertThat(body.at("/scope").asString()).isEqualTo("https://purl.imsglobal.org/spec/lti-ags/scope/score");
		JsonNode tool = body.at("/https:~1~1purl.imsglobal.org~1spec~1lti-tool-configuration");
		assertThat(tool.at("/target_link_uri").asString()).isEqualTo(tool("/lti/launch"));
		assertThat(tool.at("/messages").toString()).contains("LtiResourceLinkRequest").contains("course_navigation")
			.contains("LtiDeepLinkingRequest");
		// What the Canvas developer key asks for: the icon and course navigation's default and visibility.
		JsonNode navigation = tool.at("/messages/0");
		assertThat(navigation.at("/icon_uri").asString()).isEqualTo(tool("/images/icon.svg"));
		assertThat(navigation.path("https://canvas.instructure.com/lti/course_navigation/default_enabled").asBoolean())
			.isTrue();
		assertThat(navigation.path("https://canvas.instructure.com/lti/visibility").asString()).isEqualTo("members");
		assertThat(tool.at("/messages/1/placements").toString()).contains("assignment_selection")
			.contains("link_selection");
		assertThat(body.at("/logo_uri").asString()).isEqualTo(tool("/images/icon.svg"));
		assertThat(tool.at("/custom_parameters/user_time_zone").asString()).isEqualTo("$Person.address.timezone");

		Registration registration = this.registrations.find(this.issuer, "scripted-client").orElseThrow();
		assertThat(registration.jwksUrl()).isEqualTo(this.origin + "/jwks");
		assertThat(registration.allowNewDeployments()).isTrue();
		assertThat(this.registrations.deployments(registration)).containsExactly("dep-9");
		// The answer named no scope: the request was granted as it was.
		assertThat(registration.grantedScopes()).containsExactly("https://purl.imsglobal.org/spec/lti-ags/scope/score");
	}

	@Test
	void shouldStoreOnlyTheScopesThePlatformGranted() {
		String score = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
		String roster = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
		this.scopesSupported = "\"" + score + "\",\"" + roster + "\"";
		// The administrator unticked the roster; the platform adds one the tool never asked for.
		this.grantedScope = "\"scope\":\"" + score + " https://example.com/scope/extra\",";

		HttpResponse<String> response = register("s3cret");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(this.postedBody).at("/scope").asString())
			.isEqualTo(score + " " + roster);
		Registration registration = this.registrations.find(this.issuer, "scripted-client").orElseThrow();
		assertThat(registration.grantedScopes()).containsExactly(score);
		assertThat(registration.grants(score)).isTrue();
		assertThat(registration.grants(roster)).isFalse();
	}

	@Test
	void shouldRefuseWithoutTheConfiguredKey() {
		HttpResponse<String> response = register("wrong");

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("missing its key or the key is wrong");
		assertThat(this.postedBody).isNull();
	}

	@Test
	void shouldRefuseAnIssuerFromAnotherOrigin() {
		this.issuer = "https://canvas.instructure.com";

		HttpResponse<String> response = register("s3cret");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("issuer does not match");
		assertThat(this.postedBody).isNull();
		assertThat(this.registrations.findByIssuer(this.issuer)).isEmpty();
	}

	@Test
	void shouldReportAPlatformThatRefusesTheRegistrationAndStoreNothing() {
		this.registrationStatus = 400;

		HttpResponse<String> response = register("s3cret");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.body()).contains("did not accept the registration");
		assertThat(this.registrations.findByIssuer(this.issuer)).isEmpty();
	}

	@Test
	void shouldRefuseAMissingConfigurationUrl() {
		HttpResponse<String> response = new Browser().get(tool("/lti/register?key=s3cret"));

		assertThat(response.statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> register(String key) {
		return new Browser().get(tool("/lti/register?key=" + key + "&registration_token=token-1&openid_configuration="
				+ this.origin + "/config"));
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
