package org.coachapproach.demoplatform.launch;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.demoplatform.course.DemoCourse;
import org.coachapproach.demoplatform.course.DemoPerson;
import org.coachapproach.demoplatform.course.DemoRoster;
import org.coachapproach.demoplatform.registration.ToolRegistration;
import org.coachapproach.demoplatform.registration.ToolRegistrations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The platform's side of the OIDC third-party-initiated login (LTI Security Framework 1.0
 * §5.1.1.2–§5.1.1.3): checks the tool's authentication request and, when it holds, answers the
 * id_token to post to the registered redirect URI. A refused request is never redirected.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class LaunchAuthorization {

	private final ToolRegistrations registrations;

	private final Launches launches;

	private final DemoRoster roster;

	private final LaunchTokens tokens;

	LaunchAuthorization(ToolRegistrations registrations, Launches launches, DemoRoster roster,
			LaunchTokens tokens) {
		this.registrations = registrations;
		this.launches = launches;
		this.roster = roster;
		this.tokens = tokens;
	}

	/** What to answer: the form to post to the tool, or why not. */
	public sealed interface Outcome permits Granted, Refused {
	}

	/** Post {@code idToken}, {@code state} and, if set, {@code storageTarget} to {@code redirectUri}. */
	public record Granted(String redirectUri, String idToken, String state, String storageTarget) implements Outcome {
	}

	/** Refused, for {@code reason}: one of the codes below, each with its message in the bundle. */
	public record Refused(String reason) implements Outcome {
	}

	public Outcome authorize(Map<String, String> request) {
		String clientId = request.get("client_id");
		if (isBlank(clientId)) {
			return new Refused("client_id_missing");
		}
		Optional<ToolRegistration> registration = this.registrations.findByClientId(clientId);
		if (registration.isEmpty()) {
			return new Refused("client_id_unknown");
		}
		String redirectUri = request.get("redirect_uri");
		if (isBlank(redirectUri) || !registration.get().allowsRedirectTo(redirectUri)) {
			return new Refused("redirect_uri");
		}
		if (!Arrays.asList(request.getOrDefault("scope", "").split(" ")).contains("openid")) {
			return new Refused("scope");
		}
		if (!"id_token".equals(request.get("response_type"))) {
			return new Refused("response_type");
		}
		if (request.containsKey("response_mode") && !"form_post".equals(request.get("response_mode"))) {
			return new Refused("response_mode");
		}
		if (!"none".equals(request.get("prompt"))) {
			return new Refused("prompt");
		}
		String nonce = request.get("nonce");
		if (isBlank(nonce)) {
			return new Refused("nonce");
		}
		Optional<DemoPerson> person = Optional.ofNullable(request.get("login_hint")).flatMap(this.roster::person);
		if (person.isEmpty()) {
			return new Refused("login_hint");
		}
		Optional<Launch> launch = Optional.ofNullable(request.get("lti_message_hint"))
			.flatMap(this.launches::find)
			.filter(found -> found.personId().equals(person.get().id()) && found.clientId().equals(clientId));
		Optional<DemoCourse> course = launch.flatMap(found -> this.roster.course(found.courseId()));
		if (launch.isEmpty() || course.isEmpty()) {
			return new Refused("lti_message_hint");
		}
		if (launch.get().isDeepLinking() && !person.get().isInstructor()) {
			return new Refused("lti_message_hint");
		}
		Optional<String> idToken = this.tokens.issue(registration.get(), person.get(), course.get(), launch.get(), nonce);
		if (idToken.isEmpty()) {
			return new Refused("item_gone");
		}
		return new Granted(redirectUri, idToken.get(), request.get("state"), request.get("lti_storage_target"));
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
