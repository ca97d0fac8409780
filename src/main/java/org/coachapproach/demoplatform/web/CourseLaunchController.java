package org.coachapproach.demoplatform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.demoplatform.internal.DemoCourse;
import org.coachapproach.demoplatform.internal.DemoPerson;
import org.coachapproach.demoplatform.internal.DemoRoster;
import org.coachapproach.demoplatform.internal.DemoSites;
import org.coachapproach.demoplatform.internal.Launch;
import org.coachapproach.demoplatform.internal.Launches;
import org.coachapproach.demoplatform.internal.ToolConfiguration;
import org.coachapproach.demoplatform.internal.ToolRegistration;
import org.coachapproach.demoplatform.internal.ToolSelfRegistration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The course page with the tool in a frame, launched through OIDC login initiation as Canvas
 * does, beside the hidden {@code post_message_forwarding} frame of LTI Platform Storage.
 */
@Controller
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class CourseLaunchController {

	static final String STORAGE_FRAME = "post_message_forwarding";

	private final DemoRoster roster;

	private final DemoSites sites;

	private final ToolSelfRegistration registration;

	private final Launches launches;

	CourseLaunchController(DemoRoster roster, DemoSites sites, ToolSelfRegistration registration,
			Launches launches) {
		this.roster = roster;
		this.sites = sites;
		this.registration = registration;
		this.launches = launches;
	}

	@GetMapping("/demo/courses/{course}/launch")
	String launch(@PathVariable("course") String courseId, @RequestParam("person") String personId, Model model) {
		DemoCourse course = this.roster.course(courseId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such demo course"));
		DemoPerson person = this.roster.person(personId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person in the demo course"));
		model.addAttribute("course", course);
		model.addAttribute("person", person);
		model.addAttribute("homeUrl", this.sites.platform("/demo"));
		Optional<ToolRegistration> registration = this.registration.current();
		if (registration.isEmpty()) {
			return "demoplatform/course";
		}
		ToolConfiguration tool = registration.get().configuration();
		Launch launch = this.launches.prepare(person, course, registration.get());
		model.addAttribute("toolName", tool.label("LtiResourceLinkRequest", launch.placement()).orElse(null));
		model.addAttribute("loginUrl", loginInitiationUrl(registration.get(), person, launch));
		model.addAttribute("storageFrameUrl", this.sites.platform("/demo/" + STORAGE_FRAME));
		return "demoplatform/course";
	}

	/** The frame where the tool keeps its launch state when it cannot use cookies. */
	@GetMapping("/demo/" + STORAGE_FRAME)
	String storageFrame() {
		return "demoplatform/post-message-forwarding";
	}

	private String loginInitiationUrl(ToolRegistration registration, DemoPerson person, Launch launch) {
		ToolConfiguration tool = registration.configuration();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("iss", this.sites.issuer());
		values.put("login_hint", person.id());
		values.put("target_link_uri", tool.targetLinkUri("LtiResourceLinkRequest", launch.placement()));
		values.put("lti_message_hint", launch.messageHint());
		values.put("client_id", registration.clientId());
		values.put("lti_deployment_id", registration.deploymentId());
		values.put("lti_storage_target", STORAGE_FRAME);
		// Appended as they are to the registered URL, which may carry a query of its own.
		StringBuilder url = new StringBuilder(tool.initiateLoginUri());
		char separator = (url.indexOf("?") < 0) ? '?' : '&';
		for (Map.Entry<String, String> value : values.entrySet()) {
			url.append(separator)
				.append(value.getKey())
				.append('=')
				.append(URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return url.toString();
	}

}
