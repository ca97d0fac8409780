package org.coachapproach.lti.keys;

import org.coachapproach.lti.http.ToolUrls;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tool's public keys, for platforms to verify what the tool signs. */
@RestController
class JwksController {

	private final ToolKeys keys;

	JwksController(ToolKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = ToolUrls.JWKS, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.body(this.keys.publicKeys().toString(true));
	}

}
