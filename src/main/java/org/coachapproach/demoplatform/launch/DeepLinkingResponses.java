package org.coachapproach.demoplatform.launch;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.coachapproach.demoplatform.course.DemoSites;
import org.coachapproach.demoplatform.registration.ToolRegistration;
import org.coachapproach.demoplatform.registration.ToolRegistrations;
import org.coachapproach.demoplatform.services.Gradebook;
import org.coachapproach.demoplatform.services.TokenGrant;
import org.coachapproach.demoplatform.services.ToolJwks;
import org.coachapproach.demoplatform.services.ToolJwtException;
import org.coachapproach.demoplatform.services.UsedValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deep-linking return endpoint's work (LTI Deep Linking 2.0 §4.5): checks the tool's signed
 * {@code LtiDeepLinkingResponse} and places each {@code ltiResourceLink} it carries in the
 * course, with a gradebook column when it asks for one. A refused response places nothing.
 */
@Component("demoDeepLinkingResponses")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class DeepLinkingResponses {

	static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

	private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	private static final Logger log = LoggerFactory.getLogger(DeepLinkingResponses.class);

	private final DemoSites sites;

	private final ToolRegistrations registrations;

	private final ToolJwks keys;

	private final UsedValues used;

	private final DeepLinkingRequests requests;

	private final CourseItems items;

	DeepLinkingResponses(DemoSites sites, ToolRegistrations registrations, ToolJwks keys, UsedValues used,
			DeepLinkingRequests requests, CourseItems items) {
		this.sites = sites;
		this.registrations = registrations;
		this.keys = keys;
		this.used = used;
		this.requests = requests;
		this.items = items;
	}

	public sealed interface Outcome permits Placed, Refused {
	}

	/**
	 * The response held: {@code items} were placed (none when the instructor cancelled);
	 * {@code message} and {@code errorMessage} are the tool's {@code msg} and {@code errormsg}.
	 */
	public record Placed(DeepLinkingRequests.DeepLinkingRequest request, List<CourseItem> items, String message,
			String errorMessage) implements Outcome {
	}

	/** Refused for {@code reason} (a code with a message in the bundle); {@code detail} tells a tool developer more. */
	public record Refused(String reason, String detail) implements Outcome {
	}

	/** A content item checked, not placed yet. */
	private record Content(String title, String text, String url, Map<String, String> custom,
			Gradebook.LineItemFields lineItem) {
	}

	@Transactional
	public Outcome receive(String courseId, String token) {
		if (token == null || token.isBlank()) {
			return new Refused("missing", "The form has no JWT field");
		}
		SignedJWT jwt;
		JWTClaimsSet unverified;
		try {
			jwt = SignedJWT.parse(token.strip());
			unverified = jwt.getJWTClaimsSet();
		}
		catch (ParseException ex) {
			return new Refused("malformed", ex.getMessage());
		}
		String clientId = unverified.getIssuer();
		Optional<ToolRegistration> registration = Optional.ofNullable(clientId).flatMap(this.registrations::findByClientId);
		if (registration.isEmpty()) {
			return new Refused("client", "iss must be the client id of a registered tool, not " + clientId);
		}
		JWTClaimsSet claims;
		try {
			claims = this.keys.verify(jwt, registration.get().jwksUri());
		}
		catch (ToolJwtException ex) {
			return new Refused("signature", ex.getMessage());
		}
		if (claims.getAudience() == null || !claims.getAudience().contains(this.sites.issuer())) {
			return new Refused("audience", "aud must be the platform issuer " + this.sites.issuer());
		}
		Instant now = Instant.now();
		Date expires = claims.getExpirationTime();
		Date issued = claims.getIssueTime();
		if (expires == null || expires.toInstant().isBefore(now.minus(TokenGrant.SKEW)) || issued == null
				|| issued.toInstant().isAfter(now.plus(TokenGrant.SKEW))) {
			return new Refused("expired", "exp must be in the future and iat not in the future");
		}
		if (!registration.get().deploymentId().equals(claims.getClaim(LTI + "deployment_id"))) {
			return new Refused("deployment", "deployment_id must be " + registration.get().deploymentId());
		}
		if (!"LtiDeepLinkingResponse".equals(claims.getClaim(LTI + "message_type"))
				|| !"1.3.0".equals(claims.getClaim(LTI + "version"))) {
			return new Refused("message_type", "message_type must be LtiDeepLinkingResponse and version 1.3.0");
		}
		Optional<DeepLinkingRequests.DeepLinkingRequest> request = Optional.ofNullable(claims.getClaim(DL + "data"))
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.flatMap(this.requests::find)
			.filter(found -> found.clientId().equals(clientId) && found.courseId().equals(courseId));
		if (request.isEmpty()) {
			return new Refused("data", "data must echo that of a current deep-linking request of this tool and course");
		}
		List<Content> contents = new ArrayList<>();
		Object items = claims.getClaim(DL + "content_items");
		if (items != null && !(items instanceof List<?>)) {
			return new Refused("content", "content_items must be an array");
		}
		String defaultUrl = registration.get().configuration().targetLinkUri(Launch.RESOURCE_LINK,
				Launches.DEEP_LINKING_PLACEMENT);
		for (Object item : (items != null) ? (List<?>) items : List.of()) {
			try {
				contents.add(content(item, defaultUrl));
			}
			catch (IllegalArgumentException ex) {
				return new Refused("content", ex.getMessage());
			}
		}
		String nonce = (claims.getClaim("nonce") instanceof String text) ? text : null;
		if (nonce == null || nonce.isBlank() || nonce.length() > 255) {
			return new Refused("nonce", "nonce is missing");
		}
		if (!this.used.use(UsedValues.DEEP_LINKING_NONCE, clientId, nonce, expires.toInstant().plus(TokenGrant.SKEW))) {
			return new Refused("nonce", "This response's nonce was used before: the response was replayed");
		}
		logToolMessages(clientId, claims);
		List<CourseItem> placed = new ArrayList<>();
		for (Content content : contents) {
			placed.add(this.items.place(courseId, clientId, content.title(), content.text(), content.url(),
					content.custom(), content.lineItem()));
		}
		return new Placed(request.get(), placed, stringClaim(claims, "msg"), stringClaim(claims, "errormsg"));
	}

	private static Content content(Object item, String defaultUrl) {
		if (!(item instanceof Map<?, ?> json)) {
			throw new IllegalArgumentException("Every content item must be an object");
		}
		if (!"ltiResourceLink".equals(json.get("type"))) {
			throw new IllegalArgumentException("Only ltiResourceLink items are accepted here, not " + json.get("type"));
		}
		String url = (json.get("url") != null) ? String.valueOf(json.get("url")) : defaultUrl;
		if (!isHttpUrl(url)) {
			throw new IllegalArgumentException("url must be an absolute http(s) URL, not " + url);
		}
		String title = (json.get("title") instanceof String text && !text.isBlank()) ? text.strip() : null;
		if (title == null) {
			throw new IllegalArgumentException("Every ltiResourceLink needs a title");
		}
		if (title.length() > 255) {
			throw new IllegalArgumentException("A title must be at most 255 characters");
		}
		String text = (json.get("text") instanceof String description && !description.isBlank()) ? description : null;
		Map<String, String> custom = new LinkedHashMap<>();
		if (json.get("custom") != null) {
			if (!(json.get("custom") instanceof Map<?, ?> parameters)) {
				throw new IllegalArgumentException("custom must be an object of string values");
			}
			parameters.forEach((key, value) -> custom.put(String.valueOf(key), String.valueOf(value)));
		}
		Gradebook.LineItemFields lineItem = null;
		if (json.get("lineItem") != null) {
			if (!(json.get("lineItem") instanceof Map<?, ?> fields)) {
				throw new IllegalArgumentException("lineItem must be an object");
			}
			if (!(fields.get("scoreMaximum") instanceof Number maximum) || !(maximum.doubleValue() > 0)) {
				throw new IllegalArgumentException("lineItem.scoreMaximum must be a number greater than 0");
			}
			String label = (fields.get("label") instanceof String named && !named.isBlank()) ? named.strip() : title;
			lineItem = new Gradebook.LineItemFields(label, maximum.doubleValue(), optional(fields.get("resourceId")),
					optional(fields.get("tag")), null);
		}
		return new Content(title, text, url, custom, lineItem);
	}

	private static String optional(Object value) {
		return (value instanceof String text && !text.isBlank()) ? text : null;
	}

	private static boolean isHttpUrl(String text) {
		try {
			URI uri = new URI(text);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static void logToolMessages(String clientId, JWTClaimsSet claims) {
		String logged = stringClaim(claims, "log");
		String errorLogged = stringClaim(claims, "errorlog");
		if (logged != null) {
			log.info("Deep-linking response from client {}: {}", clientId, logged);
		}
		if (errorLogged != null) {
			log.warn("Deep-linking response from client {} reports an error: {}", clientId, errorLogged);
		}
	}

	private static String stringClaim(JWTClaimsSet claims, String name) {
		return (claims.getClaim(DL + name) instanceof String text && !text.isBlank()) ? text : null;
	}

}
