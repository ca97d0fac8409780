package org.coachapproach.demoplatform;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint (client credentials with a JWT client assertion, checked against the
 * tool's JWKS fetched over HTTP) and the bearer tokens it issues, against the stub tool.
 */
class TokenEndpointTests extends RegisteredStubTool {

	static final String NAMES_AND_ROLES = "/demo/api/courses/coach-approach/names_and_roles";

	@Test
	void shouldIssueABearerTokenForAGoodAssertion() throws Exception {
		HttpResponse<String> response = this.http.postForm("/demo/token", tokenRequest(
				tool.clientAssertion(this.clientId, this.issuer + "/demo/token"), AGS + "score " + NRPS));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		Map<String, Object> answer = PlatformHttp.json(response.body());
		assertThat(answer).containsEntry("token_type", "Bearer")
			.containsEntry("expires_in", 3600L)
			.containsEntry("scope", AGS + "score " + NRPS);
		String token = (String) answer.get("access_token");
		assertThat(token).hasSizeGreaterThan(30);
		assertThat(this.http.service("GET", NAMES_AND_ROLES, token, null, null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldAcceptThePlatformIssuerAsAudienceAsCanvasDoes() throws Exception {
		assertThat(this.http.postForm("/demo/token",
				tokenRequest(tool.clientAssertion(this.clientId, this.issuer), NRPS)).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAnAssertionSignedWithAnotherKey() throws Exception {
		String forged = tool.signWithUnpublishedKey(com.nimbusds.jwt.SignedJWT
			.parse(tool.clientAssertion(this.clientId, this.issuer + "/demo/token"))
			.getJWTClaimsSet());

		assertInvalidClient(this.http.postForm("/demo/token", tokenRequest(forged, NRPS)), "signature");
	}

	@Test
	void shouldRefuseAnAssertionForAnotherAudience() throws Exception {
		String elsewhere = tool.clientAssertion(this.clientId, "https://canvas.instructure.com/login/oauth2/token");

		assertInvalidClient(this.http.postForm("/demo/token", tokenRequest(elsewhere, NRPS)), "aud");
	}

	@Test
	void shouldRefuseAnExpiredAssertion() throws Exception {
		String expired = tool.clientAssertion(this.clientId, this.issuer + "/demo/token",
				Instant.now().minusSeconds(120), UUID.randomUUID().toString());

		assertInvalidClient(this.http.postForm("/demo/token", tokenRequest(expired, NRPS)), "expired");
	}

	@Test
	void shouldRefuseAReplayedAssertion() throws Exception {
		String assertion = tool.clientAssertion(this.clientId, this.issuer + "/demo/token");
		assertThat(this.http.postForm("/demo/token", tokenRequest(assertion, NRPS)).statusCode()).isEqualTo(200);

		assertInvalidClient(this.http.postForm("/demo/token", tokenRequest(assertion, NRPS)), "jti");
	}

	@Test
	void shouldRefuseAnAssertionForAnUnknownClient() throws Exception {
		assertInvalidClient(this.http.postForm("/demo/token",
				tokenRequest(tool.clientAssertion("no-such-client", this.issuer + "/demo/token"), NRPS)), "client id");
	}

	@Test
	void shouldRefuseScopesNotGranted() throws Exception {
		for (String scope : new String[] { "https://purl.imsglobal.org/spec/lti-ags/scope/everything",
				NRPS + " https://example.org/other", "" }) {
			HttpResponse<String> response = this.http.postForm("/demo/token",
					tokenRequest(tool.clientAssertion(this.clientId, this.issuer + "/demo/token"), scope));

			assertThat(response.statusCode()).as(scope).isEqualTo(400);
			assertThat(PlatformHttp.json(response.body())).as(scope).containsEntry("error", "invalid_scope");
		}
	}

	@Test
	void shouldRefuseOtherGrants() throws Exception {
		Map<String, String> request = tokenRequest(tool.clientAssertion(this.clientId, this.issuer + "/demo/token"),
				NRPS);
		request.put("grant_type", "authorization_code");

		HttpResponse<String> response = this.http.postForm("/demo/token", request);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(PlatformHttp.json(response.body())).containsEntry("error", "unsupported_grant_type");
		request.put("grant_type", "client_credentials");
		request.put("client_assertion_type", "password");
		assertInvalidClient(this.http.postForm("/demo/token", request), "client_assertion_type");
	}

	@Test
	void shouldFetchTheToolKeysAgainOnlyForAKeyItDoesNotKnow() throws Exception {
		accessToken(NRPS);
		int fetches = tool.jwksFetches.get();
		accessToken(NRPS);
		assertThat(tool.jwksFetches.get()).as("cached").isEqualTo(fetches);

		tool.rotateKey();
		accessToken(NRPS);

		assertThat(tool.jwksFetches.get()).as("fetched again for the new kid").isEqualTo(fetches + 1);
	}

	@Test
	void shouldAnswer401WithoutAUsableTokenAnd403WithoutTheScope() throws Exception {
		HttpResponse<String> none = this.http.service("GET", NAMES_AND_ROLES, null, null, null, null);
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(this.http.service("GET", NAMES_AND_ROLES, "made-up", null, null, null).statusCode()).isEqualTo(401);

		String scoreOnly = accessToken(AGS + "score");
		HttpResponse<String> forbidden = this.http.service("GET", NAMES_AND_ROLES, scoreOnly, null, null, null);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				v -> assertThat(v).contains("insufficient_scope"));

		String token = accessToken(NRPS);
		assertThat(this.http.service("GET", NAMES_AND_ROLES, token, null, null, null).statusCode()).isEqualTo(200);
		this.platform.expireAccessTokens();
		HttpResponse<String> expired = this.http.service("GET", NAMES_AND_ROLES, token, null, null, null);
		assertThat(expired.statusCode()).isEqualTo(401);
		assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				v -> assertThat(v).contains("invalid_token"));
	}

	@Test
	void shouldFailAsPlannedThenServeAgain() throws Exception {
		long before = this.platform.requestsReceived(DemoService.TOKEN);
		this.platform.failNext(DemoService.TOKEN, 2, 503, "7");

		for (int i = 0; i < 2; i++) {
			HttpResponse<String> down = this.http.postForm("/demo/token",
					tokenRequest(tool.clientAssertion(this.clientId, this.issuer + "/demo/token"), NRPS));
			assertThat(down.statusCode()).isEqualTo(503);
			assertThat(down.headers().firstValue("Retry-After")).hasValue("7");
		}
		accessToken(NRPS);

		assertThat(this.platform.requestsReceived(DemoService.TOKEN)).isEqualTo(before + 3);
	}

	private static void assertInvalidClient(HttpResponse<String> response, String mentioned) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		Map<String, Object> error = PlatformHttp.json(response.body());
		assertThat(error).containsEntry("error", "invalid_client");
		assertThat((String) error.get("error_description")).containsIgnoringCase(mentioned);
	}

}
