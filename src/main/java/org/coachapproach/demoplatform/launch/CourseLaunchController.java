package org.coachapproach.demoplatform.launch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.demoplatform.course.DemoCourse;
import org.coachapproach.demoplatform.course.DemoPerson;
import org.coachapproach.demoplatform.course.DemoRoster;
import org.coachapproach.demoplatform.course.DemoSites;
import org.coachapproach.demoplatform.registration.ToolConfiguration;
import org.coachapproach.demoplatform.registration.ToolRegistration;
import org.coachapproach.demoplatform.registration.ToolSelfRegistration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The course page with the tool in a frame, launched through OIDC login initiation as Canvas
 * does, beside the hidden {@code post_message_forwarding} frame of LTI Platform Storage: the
 * course's own link, an item placed by deep linking, or (for instructors) the deep-linking
 * request that places items. The course navigation lists the placed items.
 */
@Controller
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class CourseLaunchController {

	static final String STORAGE_FRAME = "post_message_forwarding";

	private final DemoRoster roster;

	private final DemoSites sites;

	private final ToolSelfRegistration registration;

	private final Launches launches;

	private final CourseItems items;

	CourseLaunchController(DemoRoster roster, DemoSites sites, ToolSelfRegistration registration, Launches launches,
			CourseItems items) {
		this.roster = roster;
		this.sites = sites;
		this.registration = registration;
		this.launches = launches;
		this.items = items;
	}

	@GetMapping("/demo/courses/{course}/launch")
	String launch(@PathVariable("course") String courseId, @RequestParam("person") String personId, Model model) {
		DemoCourse course = course(courseId);
		DemoPerson person = person(personId);
		return page(model, course, person, null, registration -> this.launches.prepare(person, course, registration));
	}

	@GetMapping("/demo/courses/{course}/items/{item}/launch")
	String launchItem(@PathVariable("course") String courseId, @PathVariable("item") String itemId,
			@RequestParam("person") String personId, Model model) {
		DemoCourse course = course(courseId);
		DemoPerson person = person(personId);
		CourseItem item = this.items.find(course.id(), itemId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such item in the demo course"));
		model.addAttribute("item", item);
		return page(model, course, person, item.url(),
				registration -> this.launches.prepareItem(person, item, registration));
	}

	/** "Add content": the deep-linking request, for instructors only, as in Canvas. */
	@GetMapping("/demo/courses/{course}/deep_linking")
	String deepLinking(@PathVariable("course") String courseId, @RequestParam("person") String personId, Model model) {
		DemoCourse course = course(courseId);
		DemoPerson person = person(personId);
		if (!person.isInstructor()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only instructors add content");
		}
		model.addAttribute("addingContent", true);
		return page(model, course, person, null,
				registration -> this.launches.prepareDeepLinking(person, course, registration));
	}

	/** The frame where the tool keeps its launch state when it cannot use cookies. */
	@GetMapping("/demo/" + STORAGE_FRAME)
	String storageFrame() {
		return "demoplatform/post-message-forwarding";
	}

	private interface Preparation {

		Launch prepare(ToolRegistration registration);

	}

	private String page(Model model, DemoCourse course, DemoPerson person, String targetLinkUri,
			Preparation preparation) {
		model.addAttribute("course", course);
		model.addAttribute("person", person);
		model.addAttribute("homeUrl", this.sites.platform("/demo"));
		model.addAttribute("courseUrl", coursePage(course, person, "/launch"));
		model.addAttribute("items", this.items.items(course.id()));
		Map<String, String> itemUrls = new LinkedHashMap<>();
		for (CourseItem item : this.items.items(course.id())) {
			itemUrls.put(item.id(), coursePage(course, person, "/items/" + item.id() + "/launch"));
		}
		model.addAttribute("itemUrls", itemUrls);
		if (person.isInstructor()) {
			model.addAttribute("addContentUrl", coursePage(course, person, "/deep_linking"));
			model.addAttribute("gradebookUrl", coursePage(course, person, "/gradebook"));
		}
		Optional<ToolRegistration> registration = this.registration.current();
		if (registration.isEmpty()) {
			return "demoplatform/course";
		}
		ToolConfiguration tool = registration.get().configuration();
		Launch launch = preparation.prepare(registration.get());
		model.addAttribute("toolName", tool.label(Launch.RESOURCE_LINK, DemoCourse.PLACEMENT).orElse(null));
		String target = (targetLinkUri != null) ? targetLinkUri
				: tool.targetLinkUri(launch.messageType(), launch.placement());
		model.addAttribute("loginUrl", loginInitiationUrl(registration.get(), person, launch, target));
		model.addAttribute("storageFrameUrl", this.sites.platform("/demo/" + STORAGE_FRAME));
		return "demoplatform/course";
	}

	private String coursePage(DemoCourse course, DemoPerson person, String path) {
		return UriComponentsBuilder.fromUriString(this.sites.platform("/demo/courses/{course}" + path))
			.queryParam("person", "{person}")
			.encode()
			.buildAndExpand(course.id(), person.id())
			.toUriString();
	}

	private DemoCourse course(String courseId) {
		return this.roster.course(courseId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such demo course"));
	}

	private DemoPerson person(String personId) {
		return this.roster.person(personId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such person in the demo course"));
	}

	private String loginInitiationUrl(ToolRegistration registration, DemoPerson person, Launch launch,
			String targetLinkUri) {
		ToolConfiguration tool = registration.configuration();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("iss", this.sites.issuer());
		values.put("login_hint", person.id());
		values.put("target_link_uri", targetLinkUri);
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
