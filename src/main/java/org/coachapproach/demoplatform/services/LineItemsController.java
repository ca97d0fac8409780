package org.coachapproach.demoplatform.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.demoplatform.DemoService;
import org.coachapproach.demoplatform.course.DemoCourse;
import org.coachapproach.demoplatform.course.DemoRoster;
import org.coachapproach.demoplatform.course.DemoSites;
import org.coachapproach.demoplatform.registration.AdvantageScopes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The assignment and grade services (AGS 2.0) of a course, as Canvas answers them: line items
 * (§3.2), their results (§3.3) and scores posted to them (§3.4).
 */
@RestController("demoLineItemsController")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class LineItemsController {

	static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";

	static final String LINE_ITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";

	static final String SCORE = "application/vnd.ims.lis.v1.score+json";

	static final String RESULT_CONTAINER = "application/vnd.ims.lis.v2.resultcontainer+json";

	private static final String LINE_ITEMS = "/demo/api/courses/{course}/line_items";

	private static final int DEFAULT_PAGE_SIZE = 50;

	private final DemoRoster roster;

	private final DemoSites sites;

	private final Gradebook gradebook;

	private final ServiceAccess access;

	private final ServiceFaults faults;

	LineItemsController(DemoRoster roster, DemoSites sites, Gradebook gradebook, ServiceAccess access,
			ServiceFaults faults) {
		this.roster = roster;
		this.sites = sites;
		this.gradebook = gradebook;
		this.access = access;
		this.faults = faults;
	}

	@GetMapping(LINE_ITEMS)
	ResponseEntity<String> list(@PathVariable("course") String courseId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "resource_link_id", required = false) String resourceLinkId,
			@RequestParam(name = "resource_id", required = false) String resourceId,
			@RequestParam(name = "tag", required = false) String tag,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "page", required = false) String page, HttpServletRequest request) {
		ServiceResponses.failIfPlanned(this.faults, DemoService.LINE_ITEMS);
		this.access.require(authorization, AdvantageScopes.LINE_ITEM, AdvantageScopes.LINE_ITEM_READONLY);
		DemoCourse course = course(courseId);
		List<LineItem> items = this.gradebook.lineItems(course.id(), resourceLinkId, resourceId, tag);
		ServiceResponses.Page<LineItem> shown = ServiceResponses.page(items, limit, page, DEFAULT_PAGE_SIZE,
				ServiceResponses.self(this.sites, request));
		return ResponseEntity.ok()
			.headers(ServiceResponses.links(shown))
			.header(HttpHeaders.CONTENT_TYPE, LINE_ITEM_CONTAINER)
			.body(JSONArrayUtils.toJSONString(shown.entries().stream().map(this::json).toList()));
	}

	@PostMapping(LINE_ITEMS)
	ResponseEntity<String> create(@PathVariable("course") String courseId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) String body) {
		ServiceResponses.failIfPlanned(this.faults, DemoService.LINE_ITEMS);
		AccessTokens.Holder holder = this.access.require(authorization, AdvantageScopes.LINE_ITEM);
		DemoCourse course = course(courseId);
		LineItem item = this.gradebook.create(course.id(), holder.clientId(), Gradebook.lineItemFields(body));
		return ResponseEntity.status(201)
			.header(HttpHeaders.CONTENT_TYPE, LINE_ITEM)
			.header(HttpHeaders.LOCATION, item.url(this.sites))
			.body(JSONObjectUtils.toJSONString(json(item)));
	}

	@GetMapping(LINE_ITEMS + "/{id}")
	ResponseEntity<String> show(@PathVariable("course") String courseId, @PathVariable("id") String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		ServiceResponses.failIfPlanned(this.faults, DemoService.LINE_ITEMS);
		this.access.require(authorization, AdvantageScopes.LINE_ITEM, AdvantageScopes.LINE_ITEM_READONLY);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, LINE_ITEM)
			.body(JSONObjectUtils.toJSONString(json(lineItem(courseId, id))));
	}

	@PutMapping(LINE_ITEMS + "/{id}")
	ResponseEntity<String> update(@PathVariable("course") String courseId, @PathVariable("id") String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) String body) {
		ServiceResponses.failIfPlanned(this.faults, DemoService.LINE_ITEMS);
		this.access.require(authorization, AdvantageScopes.LINE_ITEM);
		LineItem item = this.gradebook.update(lineItem(courseId, id), Gradebook.lineItemFields(body));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, LINE_ITEM)
			.body(JSONObjectUtils.toJSONString(json(item)));
	}

	@DeleteMapping(LINE_ITEMS + "/{id}")
	ResponseEntity<Void> delete(@PathVariable("course") String courseId, @PathVariable("id") String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		ServiceResponses.failIfPlanned(this.faults, DemoService.LINE_ITEMS);
		this.access.require(authorization, AdvantageScopes.LINE_ITEM);
		this.gradebook.delete(lineItem(courseId, id));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(LINE_ITEMS + "/{id}/scores")
	ResponseEntity<String> score(@PathVariable("course") String courseId, @PathVariable("id") String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) String body) {
		ServiceResponses.failIfPlanned(this.faults, DemoService.SCORES);
		this.access.require(authorization, AdvantageScopes.SCORE);
		LineItem item = lineItem(courseId, id);
		Score score = this.gradebook.record(item, body);
		String resultUrl = UriComponentsBuilder.fromUriString(item.url(this.sites) + "/results")
			.queryParam("user_id", "{user}")
			.encode()
			.buildAndExpand(score.userId())
			.toUriString();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, "application/json")
			.body(JSONObjectUtils.toJSONString(Map.of("resultUrl", resultUrl)));
	}

	@GetMapping(LINE_ITEMS + "/{id}/results")
	ResponseEntity<String> results(@PathVariable("course") String courseId, @PathVariable("id") String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "user_id", required = false) String userId,
			@RequestParam(name = "limit", required = false) String limit,
			@RequestParam(name = "page", required = false) String page, HttpServletRequest request) {
		this.access.require(authorization, AdvantageScopes.RESULT_READONLY);
		LineItem item = lineItem(courseId, id);
		ServiceResponses.Page<Score> shown = ServiceResponses.page(this.gradebook.results(item, userId), limit, page,
				DEFAULT_PAGE_SIZE, ServiceResponses.self(this.sites, request));
		List<Map<String, Object>> results = shown.entries().stream().map(score -> {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("id", item.url(this.sites) + "/results/" + score.id());
			result.put("scoreOf", item.url(this.sites));
			result.put("userId", score.userId());
			if (score.scoreGiven() != null) {
				result.put("resultScore", score.scoreGiven());
				result.put("resultMaximum", score.scoreMaximum());
			}
			if (score.comment() != null) {
				result.put("comment", score.comment());
			}
			return result;
		}).toList();
		return ResponseEntity.ok()
			.headers(ServiceResponses.links(shown))
			.header(HttpHeaders.CONTENT_TYPE, RESULT_CONTAINER)
			.body(JSONArrayUtils.toJSONString(results));
	}

	private Map<String, Object> json(LineItem item) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", item.url(this.sites));
		json.put("scoreMaximum", item.scoreMaximum());
		json.put("label", item.label());
		if (item.resourceId() != null) {
			json.put("resourceId", item.resourceId());
		}
		if (item.tag() != null) {
			json.put("tag", item.tag());
		}
		if (item.resourceLinkId() != null) {
			json.put("resourceLinkId", item.resourceLinkId());
		}
		return json;
	}

	private DemoCourse course(String courseId) {
		return this.roster.course(courseId).orElseThrow(() -> new ServiceRefusal(404, "No course " + courseId));
	}

	private LineItem lineItem(String courseId, String id) {
		DemoCourse course = course(courseId);
		try {
			return this.gradebook.lineItem(course.id(), Long.parseLong(id))
				.orElseThrow(() -> new ServiceRefusal(404, "No line item " + id + " in course " + courseId));
		}
		catch (NumberFormatException ex) {
			throw new ServiceRefusal(404, "No line item " + id + " in course " + courseId);
		}
	}

}
