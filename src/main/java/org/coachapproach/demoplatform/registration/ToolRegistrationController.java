package org.coachapproach.demoplatform.registration;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registration endpoint (LTI Dynamic Registration 1.0 §3.5–§3.6): a tool holding a token
 * the platform issued posts its configuration and gets back its client id and deployment id.
 */
@RestController
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class ToolRegistrationController {

	private final RegistrationTokens tokens;

	private final ToolRegistrations registrations;

	ToolRegistrationController(RegistrationTokens tokens, ToolRegistrations registrations) {
		this.tokens = tokens;
		this.registrations = registrations;
	}

	@PostMapping(path = "/demo/registrations", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> register(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) String body) {
		Optional<String> token = bearerToken(authorization);
		if (token.isEmpty()) {
			return invalidToken("Send the registration token as 'Authorization: Bearer <token>'");
		}
		if (!this.tokens.isUsable(token.get())) {
			return invalidToken("The registration token is unknown, used or expired");
		}
		ToolConfiguration configuration;
		try {
			configuration = ToolConfiguration.parse(body);
		}
		catch (InvalidToolConfigurationException ex) {
			return ResponseEntity.badRequest().body(Map.of("error", ex.error(), "error_description", ex.getMessage()));
		}
		Optional<ToolRegistration> registration = this.registrations.register(token.get(), configuration);
		if (registration.isEmpty()) {
			return invalidToken("The registration token is unknown, used or expired");
		}
		return ResponseEntity.ok(registration.get().configuration().json());
	}

	private static Optional<String> bearerToken(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		String token = authorization.substring(7).strip();
		return token.isEmpty() ? Optional.empty() : Optional.of(token);
	}

	private static ResponseEntity<Map<String, Object>> invalidToken(String reason) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
			.body(Map.of("error", "invalid_token", "error_description", reason));
	}

}
