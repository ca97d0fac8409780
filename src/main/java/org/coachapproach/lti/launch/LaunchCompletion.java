package org.coachapproach.lti.launch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import org.coachapproach.lti.placement.ContentCatalog;
import org.coachapproach.lti.placement.DeepLinkingRequests;
import org.coachapproach.lti.placement.PlacedItem;
import org.coachapproach.lti.services.CourseServices;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.Arrival;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.LaunchContext;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.coachapproach.people.ProgramRole;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a verified launch into the tool's own records: the person, course and membership
 * ({@code people}), a launch context free of LTI details, and a signed-in session.
 */
@Component
class LaunchCompletion {

	private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("(/[A-Za-z0-9._~-]+)*/?");

	private final People people;

	private final AccessSessions sessions;

	private final LoginStates states;

	private final DeepLinkingRequests deepLinking;

	private final ContentCatalog catalog;

	private final CourseServices services;

	LaunchCompletion(People people, AccessSessions sessions, LoginStates states, DeepLinkingRequests deepLinking,
			ContentCatalog catalog, CourseServices services) {
		this.people = people;
		this.sessions = sessions;
		this.states = states;
		this.deepLinking = deepLinking;
		this.catalog = catalog;
		this.services = services;
	}

	/** Keeps a verified launch (its nonce used up by the verifier) until the browser proves it began the login. */
	@Transactional
	public void park(VerifiedLaunch launch, String pendingLaunch) {
		this.states.park(launch.login().state(), pendingLaunch);
	}

	/**
	 * In one transaction: uses up the state, records the person and starts their session. The
	 * verifier already used up the nonce (a concurrent request with the same token lost there);
	 * a concurrent request with the same state loses on its delete here. A parked launch,
	 * confirmed, completes here too.
	 * @return the session token and the tool path to show first
	 */
	@Transactional
	public Completed complete(VerifiedLaunch launch, String toolBase) {
		if (!this.states.consume(launch.login().state())) {
			throw LaunchRefusedException.unauthorized("unknown_state", "state used by a concurrent request");
		}
		JWTClaimsSet claims = launch.claims();
		Map<String, Object> context = map(claims.getClaim(LtiClaims.CONTEXT));
		List<?> roleClaim = claims.getClaim(LtiClaims.ROLES) instanceof List<?> list ? list : List.of();
		Set<CourseRole> roles = LtiRoles.map(roleClaim);
		Map<String, String> custom = custom(claims.getClaim(LtiClaims.CUSTOM));
		// Issuer and client id name the registration, hence the program (one Canvas issuer serves every institution).
		Arrival arrival = new Arrival(launch.registration().issuer(), launch.registration().clientId(),
				claims.getSubject(), name(claims), IdTokenVerifier.text(claims, "email"), text(context.get("id")),
				text(context.get("title")), text(context.get("label")), roles,
				programRole(custom.get("program_role"), roles), LtiRoles.institutionAdministrator(roleClaim));
		Member member;
		try {
			member = this.people.arrive(arrival);
		}
		catch (org.coachapproach.people.CourseOfAnotherProgramException ex) {
			throw LaunchRefusedException.forbidden("course_of_another_program", ex.getMessage());
		}

		Map<String, Object> presentation = map(claims.getClaim(LtiClaims.LAUNCH_PRESENTATION));
		Map<String, Object> platform = map(claims.getClaim(LtiClaims.TOOL_PLATFORM));
		Map<String, Object> link = map(claims.getClaim(LtiClaims.RESOURCE_LINK));
		String path = LtiClaims.DEEP_LINKING_REQUEST.equals(IdTokenVerifier.text(claims, LtiClaims.MESSAGE_TYPE))
				? "/placements/" + openDeepLinking(launch, member)
				: placedPage(custom.get(PlacedItem.CUSTOM_PARAMETER))
					.orElseGet(() -> firstPage(IdTokenVerifier.text(claims, LtiClaims.TARGET_LINK_URI), toolBase));
		if (member.course() != null) {
			this.services.remember(member, launch.registration(), launch.deploymentId(),
					map(claims.getClaim(LtiClaims.AGS_ENDPOINT)), map(claims.getClaim(LtiClaims.NRPS)), custom);
		}
		LaunchContext launchContext = new LaunchContext(text(platform.get("name")),
				IdTokenVerifier.text(claims, LtiClaims.CANVAS_PLACEMENT), path, text(link.get("title")),
				safeReturnUrl(text(presentation.get("return_url"))), text(presentation.get("locale")), custom);
		return new Completed(this.sessions.start(member, launchContext), path);
	}

	private String openDeepLinking(VerifiedLaunch launch, Member member) {
		Map<String, Object> settings = map(launch.claims().getClaim(LtiClaims.DEEP_LINKING_SETTINGS));
		Object data = settings.get("data");
		if (data != null && !(data instanceof String)) {
			// Deep Linking 2.0 §4.4.1: an opaque string, echoed unchanged.
			throw LaunchRefusedException.badRequest("missing_claim", "deep linking data is not a string");
		}
		String dataText = (String) data;
		if (dataText != null && dataText.length() > 4096) {
			throw LaunchRefusedException.badRequest("missing_claim", "deep linking data longer than 4096 characters");
		}
		List<?> types = settings.get("accept_types") instanceof List<?> list ? list : List.of("ltiResourceLink");
		if (!types.contains("ltiResourceLink")) {
			throw LaunchRefusedException.badRequest("unsupported_message_type", "accept_types " + types);
		}
		return this.deepLinking.open(launch.registration().id(), launch.deploymentId(), member.person(),
				(String) settings.get("deep_link_return_url"), dataText, !Boolean.FALSE.equals(settings.get("accept_multiple")),
				!Boolean.FALSE.equals(settings.get("accept_lineitem")), text(settings.get("title")));
	}

	/**
	 * A placed item's page; for an item the curriculum no longer has, a page that says so.
	 * Empty when the link names no item (a course navigation launch).
	 */
	private java.util.Optional<String> placedPage(String key) {
		if (key == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(PlacedItem.parse(key)
			.flatMap(this.catalog::path)
			.orElse("/placements/missing"));
	}

	/**
	 * The tool page a target link names: a plain path on the tool's own origin, else the home
	 * page. The launch endpoint itself stands for the home page. Never anything a browser could
	 * read as another site ({@code //host}, {@code /\host}).
	 */
	static String firstPage(String target, String toolBase) {
		try {
			URI uri = URI.create(target).normalize();
			URI base = URI.create(toolBase);
			if (!base.getScheme().equalsIgnoreCase(uri.getScheme()) || !base.getHost().equalsIgnoreCase(uri.getHost())
					|| base.getPort() != uri.getPort() || uri.getRawPath() == null) {
				return "/";
			}
			String basePath = base.getRawPath() == null ? "" : base.getRawPath();
			String path = uri.getRawPath();
			if (!path.startsWith(basePath)) {
				return "/";
			}
			path = path.substring(basePath.length());
			if (!SAFE_PATH.matcher(path).matches() || path.equals("/lti") || path.startsWith("/lti/")) {
				return "/";
			}
			return path;
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return "/";
		}
	}

	private static ProgramRole programRole(String hint, Set<CourseRole> roles) {
		if (hint != null) {
			switch (hint.trim().toLowerCase(Locale.ROOT)) {
				case "mentor":
					return ProgramRole.MENTOR;
				case "mentee":
					return ProgramRole.MENTEE;
				case "staff":
					// Only someone who runs the course can be program staff by a placement's say-so.
					if (roles.contains(CourseRole.INSTRUCTOR) || roles.contains(CourseRole.ADMINISTRATOR)
							|| roles.contains(CourseRole.CONTENT_DEVELOPER)) {
						return ProgramRole.STAFF;
					}
					break;
				default:
					break;
			}
		}
		return roles.contains(CourseRole.ADMINISTRATOR) ? ProgramRole.STAFF : null;
	}

	private static String name(JWTClaimsSet claims) {
		String name = IdTokenVerifier.text(claims, "name");
		if (name != null && !name.isBlank()) {
			return name;
		}
		String given = IdTokenVerifier.text(claims, "given_name");
		String family = IdTokenVerifier.text(claims, "family_name");
		String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
		return joined.isEmpty() ? null : joined;
	}

	/** Only http(s) return URLs are kept: they end up in links. */
	private static String safeReturnUrl(String url) {
		if (url == null) {
			return null;
		}
		try {
			String scheme = URI.create(url).getScheme();
			return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme) ? url : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Map<String, String> custom(Object claim) {
		Map<String, String> custom = new LinkedHashMap<>();
		map(claim).forEach((key, value) -> {
			if (value != null && custom.size() < 50) {
				custom.put(key, String.valueOf(value));
			}
		});
		return custom;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object claim) {
		return claim instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	private static String text(Object value) {
		return value instanceof String text ? text : null;
	}

	record Completed(String sessionToken, String firstPage) {
	}

}
