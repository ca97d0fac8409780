package org.coachapproach.demoplatform.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Writes the id_token of an {@code LtiResourceLinkRequest} the way Canvas does (LTI 1.3 Core
 * §5.3, §5.4), signed with the platform key.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class ResourceLinkLaunchTokens {

	public static final String PRODUCT_FAMILY_CODE = "coachapproach-demo";

	public static final String PRODUCT_VERSION = "1.0";

	public static final String PRODUCT_NAME = "Coach Approach Demo Platform";

	static final String MESSAGE_TYPE = "LtiResourceLinkRequest";

	static final Duration LIFETIME = Duration.ofMinutes(5);

	private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	private final DemoSites sites;

	private final PlatformKeys keys;

	ResourceLinkLaunchTokens(DemoSites sites, PlatformKeys keys) {
		this.sites = sites;
		this.keys = keys;
	}

	public String issue(ToolRegistration registration, DemoPerson person, DemoCourse course, Launch launch,
			String nonce) {
		ToolConfiguration tool = registration.configuration();
		Instant now = Instant.now();
		Map<String, Object> resourceLink = new LinkedHashMap<>();
		resourceLink.put("id", launch.resourceLinkId());
		resourceLink.put("title", tool.label(MESSAGE_TYPE, launch.placement()).orElse(course.title()));
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
		Map<String, String> custom = tool.customParameters(MESSAGE_TYPE, launch.placement());
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
			.claim(LTI + "message_type", MESSAGE_TYPE)
			.claim(LTI + "version", "1.3.0")
			.claim(LTI + "deployment_id", registration.deploymentId())
			.claim(LTI + "target_link_uri", tool.targetLinkUri(MESSAGE_TYPE, launch.placement()))
			.claim(LTI + "resource_link", resourceLink)
			.claim(LTI + "roles", person.roles())
			.claim(LTI + "context", context)
			.claim(LTI + "tool_platform", platform)
			.claim(LTI + "launch_presentation", presentation)
			.claim("https://www.instructure.com/placement", launch.placement());
		if (!custom.isEmpty()) {
			claims.claim(LTI + "custom", custom);
		}
		return this.keys.sign(claims.build());
	}

	/** Stable for an issuer, as a platform instance's guid is. */
	private String platformGuid() {
		return UUID.nameUUIDFromBytes(this.sites.issuer().getBytes(StandardCharsets.UTF_8)) + ":" + PRODUCT_FAMILY_CODE;
	}

}
