package org.coachapproach.demoplatform.services;

import java.util.LinkedHashMap;
import java.util.Map;

import org.coachapproach.demoplatform.DemoService;
import org.coachapproach.demoplatform.services.TokenGrant.Issued;
import org.coachapproach.demoplatform.services.TokenGrant.Outcome;
import org.coachapproach.demoplatform.services.TokenGrant.Refused;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The OAuth 2.0 token endpoint the tool gets its service access tokens from. */
@RestController("demoTokenController")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class TokenController {

	private final TokenGrant grant;

	private final ServiceFaults faults;

	TokenController(TokenGrant grant, ServiceFaults faults) {
		this.grant = grant;
		this.faults = faults;
	}

	@PostMapping(path = "/demo/token", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> token(@RequestParam Map<String, String> form) {
		ServiceResponses.failIfPlanned(this.faults, DemoService.TOKEN);
		Outcome outcome = this.grant.grant(form);
		Map<String, Object> body = new LinkedHashMap<>();
		if (outcome instanceof Issued issued) {
			body.put("access_token", issued.accessToken());
			body.put("token_type", "Bearer");
			body.put("expires_in", issued.expiresIn());
			body.put("scope", issued.scope());
			return ResponseEntity.ok().headers(noStore()).body(body);
		}
		Refused refused = (Refused) outcome;
		body.put("error", refused.error());
		body.put("error_description", refused.description());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(refused.status()).headers(noStore());
		if (refused.status() == 401) {
			// RFC 6749 §5.2: a 401 names the authentication scheme the client should use.
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"demo\", error=\"invalid_client\"");
		}
		return response.body(body);
	}

	private static HttpHeaders noStore() {
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl("no-store");
		headers.setPragma("no-cache");
		return headers;
	}

}
