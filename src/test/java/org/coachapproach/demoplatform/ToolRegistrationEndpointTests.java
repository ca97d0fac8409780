package org.coachapproach.demoplatform;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.coachapproach.demoplatform.registration.RegistrationTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration endpoint, with a fake tool at {@code https://tool.example}: the tokens are
 * issued through the platform's own API, so the tool's endpoints play no part.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ToolRegistrationEndpointTests {

	static final String TOOL = "https://tool.example";

	@LocalServerPort
	int port;

	@Autowired
	RegistrationTokens tokens;

	@Autowired
	JdbcClient jdbc;

	PlatformHttp http;

	@BeforeEach
	void setUp() {
		this.http = new PlatformHttp(this.port);
	}

	@Test
	void shouldRegisterTheToolAndAnswerItsClientIdAndDeploymentId() throws Exception {
		long before = registrationsOfTheFakeTool();

		HttpResponse<String> response = this.http.postJson("/demo/registrations", this.tokens.issue(),
				PlatformHttp.toolConfiguration(TOOL));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		Map<String, Object> answer = PlatformHttp.json(response.body());
		assertThat((String) answer.get("client_id")).isNotBlank();
		assertThat(answer).containsEntry("initiate_login_uri", TOOL + "/lti/login")
			.containsEntry("redirect_uris", List.of(TOOL + "/lti/launch"))
			.containsEntry("jwks_uri", TOOL + "/lti/jwks")
			.containsEntry("client_name", "Fake Tool")
			.containsEntry("scope", "https://purl.imsglobal.org/spec/lti-ags/scope/score");
		Map<?, ?> tool = (Map<?, ?>) answer.get(PlatformHttp.TOOL_CONFIGURATION);
		assertThat((String) tool.get("deployment_id")).isNotBlank();
		assertThat(tool.get("domain")).isEqualTo("tool.example");
		assertThat(tool.get("target_link_uri")).isEqualTo(TOOL + "/lti/launch");
		assertThat((List<?>) tool.get("messages")).hasSize(2);
		assertThat(registrationsOfTheFakeTool()).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("SELECT deployment_id FROM demo_tool_registration WHERE client_id = ?")
			.param(answer.get("client_id"))
			.query(String.class)
			.single()).isEqualTo(tool.get("deployment_id"));
	}

	@Test
	void shouldGrantTheServiceScopesAskedForThatItOffers() throws Exception {
		String asked = "openid https://example.org/scope/other "
				+ "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly "
				+ "https://purl.imsglobal.org/spec/lti-ags/scope/score";

		HttpResponse<String> response = this.http.postJson("/demo/registrations", this.tokens.issue(),
				PlatformHttp.toolConfiguration(TOOL, asked));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(PlatformHttp.json(response.body())).containsEntry("scope",
				"https://purl.imsglobal.org/spec/lti-ags/scope/score "
						+ "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
	}

	@Test
	void shouldRefuseARequestWithoutAToken() throws Exception {
		assertRefusedAs401(null);
	}

	@Test
	void shouldRefuseATokenItNeverIssued() throws Exception {
		assertRefusedAs401("not-a-token-of-this-platform");
	}

	@Test
	void shouldRefuseATokenUsedOnce() throws Exception {
		String token = this.tokens.issue();
		assertThat(this.http.postJson("/demo/registrations", token, PlatformHttp.toolConfiguration(TOOL)).statusCode())
			.isEqualTo(200);

		assertRefusedAs401(token);
	}

	@Test
	void shouldRefuseAnExpiredToken() throws Exception {
		String token = this.tokens.issue();
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.jdbc.sql("UPDATE demo_registration_token SET expires_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), hash)
			.update()).isEqualTo(1);

		assertRefusedAs401(token);
	}

	@Test
	void shouldRefuseABadConfigurationWithAReasonAndKeepTheToken() throws Exception {
		String token = this.tokens.issue();
		String good = PlatformHttp.toolConfiguration(TOOL);
		Map<String, String> bad = Map.of(
				"not JSON", "{ this is not json",
				"a JSON array", "[]",
				"no initiate_login_uri", good.replace("\"initiate_login_uri\"", "\"x_initiate_login_uri\""),
				"empty redirect_uris", good.replace("[\"" + TOOL + "/lti/launch\"]", "[]"),
				"no jwks_uri", good.replace("\"jwks_uri\"", "\"x_jwks_uri\""),
				"a relative target_link_uri", good.replace("\"target_link_uri\": \"" + TOOL + "/lti/launch\"",
						"\"target_link_uri\": \"/lti/launch\""),
				"no domain", good.replace("\"domain\"", "\"x_domain\""),
				"no tool configuration", good.replace(PlatformHttp.TOOL_CONFIGURATION, "https://example.org/other"));
		long before = registrationsOfTheFakeTool();

		for (Map.Entry<String, String> body : bad.entrySet()) {
			HttpResponse<String> response = this.http.postJson("/demo/registrations", token, body.getValue());

			assertThat(response.statusCode()).as(body.getKey()).isEqualTo(400);
			Map<String, Object> error = PlatformHttp.json(response.body());
			assertThat(error.get("error")).as(body.getKey()).isIn("invalid_client_metadata", "invalid_redirect_uri");
			assertThat((String) error.get("error_description")).as(body.getKey()).isNotBlank();
		}
		assertThat(registrationsOfTheFakeTool()).isEqualTo(before);
		assertThat(this.tokens.isUsable(token)).as("a refused body does not use up the token").isTrue();
	}

	private void assertRefusedAs401(String token) throws Exception {
		long before = registrationsOfTheFakeTool();

		HttpResponse<String> response = this.http.postJson("/demo/registrations", token,
				PlatformHttp.toolConfiguration(TOOL));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
		assertThat(PlatformHttp.json(response.body())).containsEntry("error", "invalid_token");
		assertThat(registrationsOfTheFakeTool()).isEqualTo(before);
	}

	private long registrationsOfTheFakeTool() {
		return this.jdbc.sql("SELECT COUNT(*) FROM demo_tool_registration WHERE tool_origin = ?")
			.param(TOOL)
			.query(Long.class)
			.single();
	}

}
