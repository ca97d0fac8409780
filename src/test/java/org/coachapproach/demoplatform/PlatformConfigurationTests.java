package org.coachapproach.demoplatform;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlatformConfigurationTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoPlatform platform;

	PlatformHttp http;

	String issuer;

	@BeforeEach
	void setUp() {
		this.http = new PlatformHttp(this.port);
		this.issuer = "http://127.0.0.1:" + this.port;
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldPublishTheOpenIdConfigurationOfDynamicRegistration() throws Exception {
		HttpResponse<String> response = this.http.get("/demo/.well-known/openid-configuration");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		Map<String, Object> configuration = PlatformHttp.json(response.body());
		assertThat(configuration).containsEntry("issuer", this.issuer)
			.containsEntry("authorization_endpoint", this.issuer + "/demo/authorize")
			.containsEntry("registration_endpoint", this.issuer + "/demo/registrations")
			.containsEntry("jwks_uri", this.issuer + "/demo/jwks")
			.containsEntry("token_endpoint", this.issuer + "/demo/token")
			.containsEntry("token_endpoint_auth_methods_supported", List.of("private_key_jwt"))
			.containsEntry("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"))
			.containsEntry("response_types_supported", List.of("id_token"))
			.containsEntry("subject_types_supported", List.of("public", "pairwise"))
			.containsEntry("id_token_signing_alg_values_supported", List.of("RS256"))
			.containsEntry("claims_supported", List.of("sub", "iss", "name", "given_name", "family_name", "email"));
		assertThat((List<Object>) configuration.get("scopes_supported")).contains("openid",
				"https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
				"https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
				"https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
				"https://purl.imsglobal.org/spec/lti-ags/scope/score",
				"https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
		Map<?, ?> platformConfiguration = (Map<?, ?>) configuration
			.get("https://purl.imsglobal.org/spec/lti-platform-configuration");
		assertThat(platformConfiguration.get("product_family_code")).isEqualTo("coachapproach-demo");
		assertThat(platformConfiguration.get("version")).isInstanceOf(String.class);
		assertThat((List<Object>) platformConfiguration.get("messages_supported")).containsExactly(
				Map.of("type", "LtiResourceLinkRequest"), Map.of("type", "LtiDeepLinkingRequest"));
		assertThat(this.platform.issuer()).isEqualTo(this.issuer);
	}

	@Test
	void shouldPublishItsPublicSigningKeys() throws Exception {
		HttpResponse<String> response = this.http.get("/demo/jwks");

		assertThat(response.statusCode()).isEqualTo(200);
		JWKSet keys = JWKSet.parse(response.body());
		assertThat(keys.getKeys()).isNotEmpty();
		for (JWK key : keys.getKeys()) {
			assertThat(key).isInstanceOf(RSAKey.class);
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyID()).isNotBlank();
			assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
			assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
			assertThat(((RSAKey) key).size()).isEqualTo(2048);
		}
		assertThat(response.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
	}

	@Test
	void shouldGiveALaunchUrlOnThePlatformSiteForEachPerson() {
		for (String person : List.of("mentor", "mentee", "instructor", "staff")) {
			assertThat(this.platform.launchUrl(person))
				.hasToString(this.issuer + "/demo/courses/coach-approach/launch?person=" + person);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.platform.launchUrl("dean"));
	}

}
