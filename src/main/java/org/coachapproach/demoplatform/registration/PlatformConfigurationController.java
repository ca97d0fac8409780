package org.coachapproach.demoplatform.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.coachapproach.demoplatform.course.DemoSites;
import org.coachapproach.demoplatform.launch.LaunchTokens;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a tool reads about the platform: its OpenID configuration and its public keys. */
@RestController
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class PlatformConfigurationController {

	static final List<String> SCOPES = Stream.concat(Stream.of("openid"), AdvantageScopes.ALL.stream()).toList();

	private final DemoSites sites;

	private final PlatformKeys keys;

	PlatformConfigurationController(DemoSites sites, PlatformKeys keys) {
		this.sites = sites;
		this.keys = keys;
	}

	/** LTI Dynamic Registration 1.0 §3.4. */
	@GetMapping(path = ToolSelfRegistration.OPENID_CONFIGURATION_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> openIdConfiguration() {
		Map<String, Object> platform = new LinkedHashMap<>();
		platform.put("product_family_code", LaunchTokens.PRODUCT_FAMILY_CODE);
		platform.put("version", LaunchTokens.PRODUCT_VERSION);
		platform.put("messages_supported",
				List.of(Map.of("type", "LtiResourceLinkRequest"), Map.of("type", "LtiDeepLinkingRequest")));

		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("issuer", this.sites.issuer());
		configuration.put("authorization_endpoint", this.sites.platform("/demo/authorize"));
		configuration.put("registration_endpoint", this.sites.platform("/demo/registrations"));
		configuration.put("jwks_uri", this.sites.platform("/demo/jwks"));
		configuration.put("token_endpoint", this.sites.platform("/demo/token"));
		configuration.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
		configuration.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
		configuration.put("scopes_supported", SCOPES);
		configuration.put("response_types_supported", List.of("id_token"));
		configuration.put("subject_types_supported", List.of("public", "pairwise"));
		configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
		configuration.put("claims_supported", List.of("sub", "iss", "name", "given_name", "family_name", "email"));
		configuration.put("https://purl.imsglobal.org/spec/lti-platform-configuration", platform);
		return configuration;
	}

	@GetMapping(path = "/demo/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> jwks() {
		return this.keys.jwks();
	}

}
