package org.coachapproach.lti.placement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.lti.keys.ToolKeys;
import org.coachapproach.lti.registration.Registration;

import org.springframework.stereotype.Component;

/**
 * Builds the signed {@code LtiDeepLinkingResponse} (Deep Linking 2.0 §4.5) that carries the
 * chosen items back to the platform: each an {@code ltiResourceLink} launching the tool with a
 * custom parameter naming the item, and a {@code lineItem} for gradable items so the platform
 * creates a gradebook column.
 */
@Component
public class DeepLinkingResponses {

	static final String TAG = "coachapproach";

	private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

	private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	private final ToolKeys keys;

	private final Clock clock;

	DeepLinkingResponses(ToolKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/** One chosen item, as the instructor titled it; {@code points} only for a gradable item. */
	public record Choice(Offer offer, String title, Integer points) {
	}

	/** The signed response; an empty list answers a cancel. */
	public String sign(Registration registration, DeepLinkingRequest request, List<Choice> choices, String launchUrl) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Choice choice : choices) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("type", "ltiResourceLink");
			item.put("title", choice.title());
			if (choice.offer().text() != null) {
				item.put("text", choice.offer().text());
			}
			item.put("url", launchUrl);
			item.put("custom", Map.of(PlacedItem.CUSTOM_PARAMETER, choice.offer().item().key()));
			if (choice.points() != null && request.acceptLineItem()) {
				item.put("lineItem", Map.of("scoreMaximum", choice.points(), "label", choice.title(), "resourceId",
						choice.offer().item().key(), "tag", TAG));
			}
			items.add(item);
		}
		Instant now = this.clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(registration.clientId())
			.audience(registration.issuer())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.jwtID(UUID.randomUUID().toString())
			.claim("nonce", UUID.randomUUID().toString())
			.claim(LTI + "deployment_id", request.deploymentId())
			.claim(LTI + "message_type", "LtiDeepLinkingResponse")
			.claim(LTI + "version", "1.3.0")
			.claim(DL + "content_items", items);
		if (request.data() != null) {
			claims.claim(DL + "data", request.data());
		}
		return this.keys.sign(claims.build());
	}

}
