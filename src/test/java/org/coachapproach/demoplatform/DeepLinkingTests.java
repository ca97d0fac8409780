package org.coachapproach.demoplatform;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deep linking from the platform's side: the "Add content" request an instructor sends, the
 * return endpoint checking the tool's signed response and placing its items (with gradebook
 * columns), and the launches of the placed items; also the service claims of every launch.
 */
class DeepLinkingTests extends RegisteredStubTool {

	static final String LTI = PlatformHttp.LTI;

	static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

	static final String AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

	static final String NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

	@Test
	@SuppressWarnings("unchecked")
	void shouldSendADeepLinkingRequestFromAddContent() throws Exception {
		Launched launched = launch(this.platform.deepLinkingLaunchUrl("instructor"));

		assertThat(launched.login()).containsEntry("target_link_uri", tool.url() + "/lti/deep-link")
			.containsEntry("login_hint", "instructor");
		JWTClaimsSet claims = launched.claims();
		assertThat(claims.getStringClaim(LTI + "message_type")).isEqualTo("LtiDeepLinkingRequest");
		assertThat(claims.getStringClaim(LTI + "target_link_uri")).isEqualTo(tool.url() + "/lti/deep-link");
		assertThat(claims.getClaim(LTI + "resource_link")).isNull();
		assertThat(claims.getStringClaim("https://www.instructure.com/placement")).isEqualTo("assignment_selection");
		assertThat(claims.getStringListClaim(LTI + "roles"))
			.containsExactly("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");
		Map<String, Object> settings = claims.getJSONObjectClaim(DL + "deep_linking_settings");
		assertThat(settings).containsEntry("deep_link_return_url", this.issuer + "/demo/courses/coach-approach/deep_links")
			.containsEntry("accept_types", List.of("ltiResourceLink"))
			.containsEntry("accept_presentation_document_targets", List.of("iframe", "window"))
			.containsEntry("accept_multiple", true)
			.containsEntry("accept_lineitem", true)
			.containsEntry("auto_create", true)
			.containsKeys("title", "text");
		assertThat((String) settings.get("data")).hasSizeGreaterThan(20);
		assertThat(launched.page()).contains("Add content from Coach Approach");
		assertThat(((Map<String, Object>) claims.getClaim(AGS_CLAIM))).doesNotContainKey("lineitem");
	}

	@Test
	void shouldOfferAddContentToInstructorsOnly() throws Exception {
		assertThat(this.http.get(this.platform.launchUrl("instructor").toString()).body()).contains("id=\"add-content\"",
				"id=\"gradebook-link\"");
		String learnerPage = this.http.get(this.platform.launchUrl("mentor").toString()).body();
		assertThat(learnerPage).doesNotContain("id=\"add-content\"").doesNotContain("id=\"gradebook-link\"");
		assertThat(this.http.get("/demo/courses/coach-approach/deep_linking?person=mentor").statusCode()).isEqualTo(403);
	}

	@Test
	void shouldPlaceTheReturnedItemsWithTheirLineItemsAndLaunchThem() throws Exception {
		String data = deepLinkingData();
		int before = this.platform.courseItems().size();
		String tag = "dl-" + UUID.randomUUID();
		Map<String, Object> graded = resourceLink("Session 3: Feedback", tool.url() + "/lti/launch?item=session-3",
				Map.of("item", "session-3"));
		graded.put("text", "The third session");
		graded.put("lineItem", Map.of("scoreMaximum", 5, "label", "Session 3", "resourceId", "session-3", "tag", tag));
		Map<String, Object> plain = resourceLink("Meeting log", tool.url() + "/lti/launch?item=log", Map.of("item", "log"));

		HttpResponse<String> page = returnResponse(response(data, UUID.randomUUID().toString(), List.of(graded, plain))
			.claim(DL + "msg", "Two items placed")
			.build());

		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		assertThat(page.body()).contains("data-count=\"2\"", "Two items placed", "target=\"_top\"",
				"/demo/courses/coach-approach/launch?person=instructor");
		List<DemoCourseItem> items = this.platform.courseItems();
		assertThat(items).hasSize(before + 2);
		DemoCourseItem session = items.get(before);
		DemoCourseItem log = items.get(before + 1);
		assertThat(session.title()).isEqualTo("Session 3: Feedback");
		assertThat(session.text()).isEqualTo("The third session");
		assertThat(session.url()).isEqualTo(tool.url() + "/lti/launch?item=session-3");
		assertThat(session.custom()).containsEntry("item", "session-3");
		assertThat(session.lineItemUrl()).isNotNull();
		assertThat(log.lineItemUrl()).isNull();
		DemoLineItem column = this.platform.lineItems()
			.stream()
			.filter(item -> item.url().equals(session.lineItemUrl()))
			.findFirst()
			.orElseThrow();
		assertThat(column).isEqualTo(new DemoLineItem(session.lineItemUrl(), "Session 3", 5.0, "session-3", tag,
				session.resourceLinkId()));

		String coursePage = this.http.get(this.platform.launchUrl("mentee").toString()).body();
		assertThat(coursePage).contains("id=\"item-" + session.id() + "\"", "Session 3: Feedback", "Meeting log");

		Launched launched = launch(this.platform.itemLaunchUrl("mentee", session.id()));
		JWTClaimsSet claims = launched.claims();
		assertThat(launched.login()).containsEntry("target_link_uri", session.url());
		assertThat(claims.getStringClaim(LTI + "message_type")).isEqualTo("LtiResourceLinkRequest");
		assertThat(claims.getJSONObjectClaim(LTI + "resource_link")).containsEntry("id", session.resourceLinkId())
			.containsEntry("title", "Session 3: Feedback");
		assertThat(claims.getStringClaim(LTI + "target_link_uri")).isEqualTo(session.url());
		assertThat(claims.getJSONObjectClaim(LTI + "custom")).containsEntry("item", "session-3")
			.containsEntry("program_role", "mentee");
		assertThat(claims.getJSONObjectClaim(AGS_CLAIM)).containsEntry("lineitem", session.lineItemUrl())
			.containsEntry("lineitems", this.issuer + "/demo/api/courses/coach-approach/line_items");
		assertThat(launch(this.platform.itemLaunchUrl("mentor", log.id())).claims().getJSONObjectClaim(AGS_CLAIM))
			.doesNotContainKey("lineitem");
	}

	@Test
	void shouldLaunchAnItemPlacedDirectly() throws Exception {
		DemoCourseItem placed = this.platform.placeItem("Retired exercise", tool.url() + "/lti/launch?item=gone",
				Map.of("item", "gone"), 4.0);

		assertThat(this.platform.courseItems()).contains(placed);
		assertThat(this.platform.lineItems()).contains(new DemoLineItem(placed.lineItemUrl(), "Retired exercise", 4.0,
				null, null, placed.resourceLinkId()));
		JWTClaimsSet claims = launch(this.platform.itemLaunchUrl("mentor", placed.id())).claims();
		assertThat(claims.getJSONObjectClaim(LTI + "resource_link")).containsEntry("id", placed.resourceLinkId());
		assertThat(claims.getJSONObjectClaim(LTI + "custom")).containsEntry("item", "gone");
		assertThat(claims.getJSONObjectClaim(AGS_CLAIM)).containsEntry("lineitem", placed.lineItemUrl());
	}

	@Test
	void shouldCarryTheServiceClaimsOfTheGrantedScopesInALaunch() throws Exception {
		JWTClaimsSet claims = launch(this.platform.launchUrl("mentor")).claims();

		assertThat(claims.getJSONObjectClaim(AGS_CLAIM))
			.containsEntry("scope", List.of(AGS + "lineitem", AGS + "lineitem.readonly", AGS + "result.readonly",
					AGS + "score"))
			.containsEntry("lineitems", this.platform.lineItemsUrl())
			.doesNotContainKey("lineitem");
		assertThat(claims.getJSONObjectClaim(NRPS_CLAIM))
			.containsEntry("context_memberships_url", this.platform.namesAndRolesUrl())
			.containsEntry("service_versions", List.of("2.0"));
		assertThat(this.platform.namesAndRolesUrl())
			.isEqualTo(this.issuer + "/demo/api/courses/coach-approach/names_and_roles");
	}

	@Test
	void shouldShowACancelAsNothingAdded() throws Exception {
		int before = this.platform.courseItems().size();

		HttpResponse<String> page = returnResponse(
				response(deepLinkingData(), UUID.randomUUID().toString(), List.of()).build());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"nothing-added\"");
		assertThat(this.platform.courseItems()).hasSize(before);
	}

	@Test
	void shouldRefuseAResponseToAnotherRequest() throws Exception {
		deepLinkingData();

		assertRefused(response("not-the-data", UUID.randomUUID().toString(), List.of(item())).build(), "data");
	}

	@Test
	void shouldRefuseAResponseForAnotherPlatform() throws Exception {
		assertRefused(response(deepLinkingData(), UUID.randomUUID().toString(), List.of(item()))
			.audience("https://canvas.instructure.com")
			.build(), "audience");
	}

	@Test
	void shouldRefuseAReplayedResponse() throws Exception {
		JWTClaimsSet response = response(deepLinkingData(), UUID.randomUUID().toString(), List.of(item())).build();
		assertThat(returnResponse(response).statusCode()).isEqualTo(200);

		assertRefused(response, "nonce");
	}

	@Test
	void shouldRefuseAResponseTheToolDidNotSign() throws Exception {
		JWTClaimsSet response = response(deepLinkingData(), UUID.randomUUID().toString(), List.of(item())).build();
		int before = this.platform.courseItems().size();

		HttpResponse<String> page = this.http.postForm("/demo/courses/coach-approach/deep_links",
				Map.of("JWT", tool.signWithUnpublishedKey(response)));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("data-reason=\"signature\"");
		assertThat(this.platform.courseItems()).hasSize(before);
	}

	@Test
	void shouldRefuseBrokenResponses() throws Exception {
		String data = deepLinkingData();
		Map<String, Object> noTitle = resourceLink(" ", tool.url() + "/lti/launch", Map.of());
		Map<String, Object> zeroPoints = item();
		zeroPoints.put("lineItem", Map.of("scoreMaximum", 0));
		Map<String, Object> file = item();
		file.put("type", "file");
		assertRefused(response(data, UUID.randomUUID().toString(), List.of(noTitle)).build(), "content");
		assertRefused(response(data, UUID.randomUUID().toString(), List.of(item(), zeroPoints)).build(), "content");
		assertRefused(response(data, UUID.randomUUID().toString(), List.of(file)).build(), "content");
		assertRefused(response(data, UUID.randomUUID().toString(), List.of(item()))
			.claim(LTI + "deployment_id", "other")
			.build(), "deployment");
		assertRefused(response(data, UUID.randomUUID().toString(), List.of(item()))
			.claim(LTI + "message_type", "LtiResourceLinkRequest")
			.build(), "message_type");
		assertRefused(response(data, UUID.randomUUID().toString(), List.of(item()))
			.expirationTime(Date.from(Instant.now().minusSeconds(120)))
			.build(), "expired");
		assertRefused(response(data, UUID.randomUUID().toString(), List.of(item())).claim("nonce", null).build(),
				"nonce");
		HttpResponse<String> none = this.http.postForm("/demo/courses/coach-approach/deep_links", Map.of());
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("data-reason=\"missing\"");
	}

	private HttpResponse<String> returnResponse(JWTClaimsSet response) throws Exception {
		return this.http.postForm("/demo/courses/coach-approach/deep_links", Map.of("JWT", tool.sign(response)));
	}

	private void assertRefused(JWTClaimsSet response, String reason) throws Exception {
		int items = this.platform.courseItems().size();
		int lineItems = this.platform.lineItems().size();

		HttpResponse<String> page = returnResponse(response);

		assertThat(page.statusCode()).as(reason).isEqualTo(400);
		assertThat(page.body()).as(reason).contains("data-reason=\"" + reason + "\"");
		assertThat(this.platform.courseItems()).as(reason).hasSize(items);
		assertThat(this.platform.lineItems()).as(reason).hasSize(lineItems);
	}

	private static Map<String, Object> item() {
		Map<String, Object> item = resourceLink("Exercise", tool.url() + "/lti/launch?item=exercise",
				Map.of("item", "exercise"));
		item.put("lineItem", Map.of("scoreMaximum", 1));
		return item;
	}

	private static Map<String, Object> resourceLink(String title, String url, Map<String, String> custom) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("type", "ltiResourceLink");
		item.put("title", title);
		item.put("url", url);
		item.put("custom", custom);
		return item;
	}

}
