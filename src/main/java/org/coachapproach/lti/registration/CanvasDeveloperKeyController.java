package org.coachapproach.lti.registration;

import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.lti.http.ToolUrls;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same configuration at a URL, for Canvas's "Enter URL" developer key method. */
@RestController
class CanvasDeveloperKeyController {

	private final ToolUrls urls;

	CanvasDeveloperKeyController(ToolUrls urls) {
		this.urls = urls;
	}

	@GetMapping(path = "/lti/canvas-developer-key.json", produces = MediaType.APPLICATION_JSON_VALUE)
	String configuration(HttpServletRequest request) {
		return CanvasDeveloperKey.json(this.urls.base(request));
	}

}
