package org.coachapproach.demoplatform.launch;

import jakarta.servlet.http.HttpServletResponse;
import org.coachapproach.demoplatform.course.DemoSites;
import org.coachapproach.demoplatform.launch.DeepLinkingResponses.Placed;
import org.coachapproach.demoplatform.launch.DeepLinkingResponses.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The {@code deep_link_return_url}: the tool's form posts its signed response here (field
 * {@code JWT}), in the frame where the instructor chose content; the page says what was added.
 */
@Controller("demoDeepLinkingReturnController")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class DeepLinkingReturnController {

	private static final Logger log = LoggerFactory.getLogger(DeepLinkingReturnController.class);

	private final DeepLinkingResponses responses;

	private final DemoSites sites;

	DeepLinkingReturnController(DeepLinkingResponses responses, DemoSites sites) {
		this.responses = responses;
		this.sites = sites;
	}

	@PostMapping("/demo/courses/{course}/deep_links")
	String receive(@PathVariable("course") String courseId,
			@RequestParam(name = "JWT", required = false) String jwt, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		DeepLinkingResponses.Outcome outcome = this.responses.receive(courseId, jwt);
		if (outcome instanceof Placed placed) {
			model.addAttribute("placed", placed);
			model.addAttribute("courseUrl",
					UriComponentsBuilder.fromUriString(this.sites.platform("/demo/courses/{course}/launch"))
						.queryParam("person", "{person}")
						.encode()
						.buildAndExpand(placed.request().courseId(), placed.request().personId())
						.toUriString());
			return "demoplatform/deep-links";
		}
		Refused refused = (Refused) outcome;
		log.info("Demo platform: refused a deep-linking response ({}): {}", refused.reason(), refused.detail());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("refused", refused);
		model.addAttribute("courseUrl", this.sites.platform("/demo"));
		return "demoplatform/deep-links";
	}

}
