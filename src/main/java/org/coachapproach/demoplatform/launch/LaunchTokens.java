package org.coachapproach.demoplatform.launch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.demoplatform.course.DemoCourse;
import org.coachapproach.demoplatform.course.DemoPerson;
import org.coachapproach.demoplatform.course.DemoSites;
import org.coachapproach.demoplatform.registration.AdvantageScopes;
import org.coachapproach.demoplatform.registration.PlatformKeys;
import org.coachapproach.demoplatform.registration.ToolConfiguration;
import org.coachapproach.demoplatform.registration.ToolRegistration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Writes the id_token of a launch the way Canvas does, signed with the platform key: an
 * {@code LtiResourceLinkRequest} (LTI 1.3 Core §5.3, §5.4) of the course's link or of an item
 * placed by deep linking, or an {@code LtiDeepLinkingRequest} (Deep Linking 2.0 §4.4); with
 * the endpoints of the services the tool was granted (AGS 2.0 §3.1, NRPS 2.0 §3.6.1).
 */
@Component("demoLaunchTokens")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class LaunchTokens {

	public static final String PRODUCT_FAMILY_CODE = "coachapproach-demo";

	public static final String PRODUCT_VERSION = "1.0";

	public static final String PRODUCT_NAME = "Coach Approach Demo Platform";

	public static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

	public static final String NRPS_SERVICE = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

	public static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

	static final Duration LIFETIME = Duration.ofMinutes(5);

	private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	private final DemoSites sites;

	private final PlatformKeys keys;

	private final CourseItems items;

	private final DeepLinkingRequests deepLinkingRequests;

	LaunchTokens(DemoSites sites, PlatformKeys keys, CourseItems items, DeepLinkingRequests deepLinkingRequests) {
		this.sites = sites;
		this.keys = keys;
		this.items = items;
		this.deepLinkingRequests = deepLinkingRequests;
	}

	/** The signed id_token of {@code launch}; empty if it names an item no longer in the course. */
	public Optional<String> issue(ToolRegistration registration, DemoPerson person, DemoCourse course, Launch launch,
			String nonce) {
		ToolConfiguration tool = registration.configuration();
		Optional<CourseItem> item = Optional.empty();
		if (launch.itemId() != null) {
			item = this.items.find(course.id(), launch.itemId());
			if (item.isEmpty()) {
				return Optional.empty();
			}
		}
		Instant now = Instant.now();
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("id", course.contextId());
		context.put("label", course.label());
		context.put("title", course.title());
		context.put("type", List.of(DemoCourse.COURSE_OFFERING));
		Map<String, Object> platform = new LinkedHashMap<>();
		platform.put("guid", platformGuid());
		platform.put("name", PRODUCT_NAME);
		platform.put("product_family_code", PRODUCT_FAMILY_CODE);
		platform.put("version", PRODUCT_VERSION);
		Map<String, Object> presentation = new LinkedHashMap<>();
		presentation.put("document_target", "iframe");
		presentation.put("return_url", this.sites.platform("/demo"));
		presentation.put("locale", "en");
		Map<String, String> custom = tool.customParameters(launch.messageType(), launch.placement());
		item.ifPresent(placed -> custom.putAll(placed.custom()));
		person.programRoleParameter().ifPresent(role -> custom.put("program_role", role));

		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.sites.issuer())
			.audience(registration.clientId())
			.claim("azp", registration.clientId())
			.subject(person.subject())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.claim("nonce", nonce)
			.claim("name", person.name())
			.claim("given_name", person.givenName())
			.claim("family_name", person.familyName())
			.claim("email", person.email())
			.claim(LTI + "message_type", launch.messageType())
			.claim(LTI + "version", "1.3.0")
			.claim(LTI + "deployment_id", registration.deploymentId())
			.claim(LTI + "roles", person.roles())
			.claim(LTI + "context", context)
			.claim(LTI + "tool_platform", platform)
			.claim(LTI + "launch_presentation", presentation)
			.claim("https://www.instructure.com/placement", launch.placement());
		if (launch.isDeepLinking()) {
			claims.claim(LTI + "target_link_uri", tool.targetLinkUri(Launch.DEEP_LINKING, launch.placement()))
				.claim(DEEP_LINKING_SETTINGS, deepLinkingSettings(registration, person, course));
		}
		else {
			Map<String, Object> resourceLink = new LinkedHashMap<>();
			resourceLink.put("id", launch.resourceLinkId());
			if (item.isPresent()) {
				resourceLink.put("title", item.get().title());
				if (item.get().text() != null) {
					resourceLink.put("description", item.get().text());
				}
			}
			else {
				resourceLink.put("title", tool.label(Launch.RESOURCE_LINK, launch.placement()).orElse(course.title()));
			}
			claims.claim(LTI + "target_link_uri", item.map(CourseItem::url)
				.orElseGet(() -> tool.targetLinkUri(Launch.RESOURCE_LINK, launch.placement())))
				.claim(LTI + "resource_link", resourceLink);
		}
		if (!custom.isEmpty()) {
			claims.claim(LTI + "custom", custom);
		}
		List<String> granted = registration.grantedScopes();
		List<String> gradeScopes = AdvantageScopes.gradeServices(granted);
		if (!gradeScopes.isEmpty()) {
			Map<String, Object> endpoint = new LinkedHashMap<>();
			endpoint.put("scope", gradeScopes);
			endpoint.put("lineitems", this.sites.platform("/demo/api/courses/" + course.id() + "/line_items"));
			item.map(CourseItem::lineItemId)
				.ifPresent(lineItem -> endpoint.put("lineitem",
						this.sites.platform("/demo/api/courses/" + course.id() + "/line_items/" + lineItem)));
			claims.claim(AGS_ENDPOINT, endpoint);
		}
		if (granted.contains(AdvantageScopes.MEMBERSHIP_READONLY)) {
			Map<String, Object> service = new LinkedHashMap<>();
			service.put("context_memberships_url",
					this.sites.platform("/demo/api/courses/" + course.id() + "/names_and_roles"));
			service.put("service_versions", List.of("2.0"));
			claims.claim(NRPS_SERVICE, service);
		}
		return Optional.of(this.keys.sign(claims.build()));
	}

	private Map<String, Object> deepLinkingSettings(ToolRegistration registration, DemoPerson person,
			DemoCourse course) {
		DeepLinkingRequests.DeepLinkingRequest request = this.deepLinkingRequests.open(registration.clientId(),
				person.id(), course.id());
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("deep_link_return_url", this.sites.platform("/demo/courses/" + course.id() + "/deep_links"));
		settings.put("accept_types", List.of("ltiResourceLink"));
		settings.put("accept_presentation_document_targets", List.of("iframe", "window"));
		settings.put("accept_multiple", true);
		settings.put("accept_lineitem", true);
		settings.put("auto_create", true);
		settings.put("title", course.title());
		settings.put("text", "Choose content to add to " + course.label());
		settings.put("data", request.data());
		return settings;
	}

	/** Stable for an issuer, as a platform instance's guid is. */
	private String platformGuid() {
		return UUID.nameUUIDFromBytes(this.sites.issuer().getBytes(StandardCharsets.UTF_8)) + ":" + PRODUCT_FAMILY_CODE;
	}

}
