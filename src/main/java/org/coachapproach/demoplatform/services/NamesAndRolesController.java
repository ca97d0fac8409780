package org.coachapproach.demoplatform.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.demoplatform.DemoService;
import org.coachapproach.demoplatform.course.DemoCourse;
import org.coachapproach.demoplatform.course.DemoPerson;
import org.coachapproach.demoplatform.course.DemoPlatformProperties;
import org.coachapproach.demoplatform.course.DemoRoster;
import org.coachapproach.demoplatform.course.DemoSites;
import org.coachapproach.demoplatform.registration.AdvantageScopes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The course roster as names and role provisioning services 2.0 (§3.6.1) answers it, page by page. */
@RestController("demoNamesAndRolesController")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class NamesAndRolesController {

	static final String MEMBERSHIP_CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

	private final DemoRoster roster;

	private final DemoSites sites;

	private final ServiceAccess access;

	private final ServiceFaults faults;

	private final int pageSize;

	NamesAndRolesController(DemoRoster roster, DemoSites sites, ServiceAccess access, ServiceFaults faults,
			DemoPlatformProperties properties) {
		this.roster = roster;
		this.sites = sites;
		this.access = access;
		this.faults = faults;
		this.pageSize = properties.rosterPageSize();
	}

	@GetMapping("/demo/api/courses/{course}/names_and_roles")
	ResponseEntity<String> members(@PathVariable("course") String courseId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "page", required = false) String page, HttpServletRequest request) {
		ServiceResponses.failIfPlanned(this.faults, DemoService.ROSTER);
		this.access.require(authorization, AdvantageScopes.MEMBERSHIP_READONLY);
		DemoCourse course = this.roster.course(courseId)
			.orElseThrow(() -> new ServiceRefusal(404, "No course " + courseId));
		UriComponentsBuilder self = ServiceResponses.self(this.sites, request);
		ServiceResponses.Page<DemoPerson> shown = ServiceResponses.page(this.roster.members(), limit, page,
				this.pageSize, self);
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("id", course.contextId());
		context.put("label", course.label());
		context.put("title", course.title());
		Map<String, Object> container = new LinkedHashMap<>();
		container.put("id", self.build().toUriString());
		container.put("context", context);
		container.put("members", shown.entries().stream().map(NamesAndRolesController::member).toList());
		return ResponseEntity.ok()
			.headers(ServiceResponses.links(shown))
			.header(HttpHeaders.CONTENT_TYPE, MEMBERSHIP_CONTAINER)
			.body(JSONObjectUtils.toJSONString(container));
	}

	private static Map<String, Object> member(DemoPerson person) {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("status", person.status());
		member.put("name", person.name());
		member.put("given_name", person.givenName());
		member.put("family_name", person.familyName());
		member.put("email", person.email());
		member.put("user_id", person.subject());
		member.put("roles", List.copyOf(person.roles()));
		return member;
	}

}
