package org.coachapproach.lti.registration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.coachapproach.lti.LtiProperties;
import org.coachapproach.lti.http.ToolUrls;
import org.coachapproach.lti.http.PlatformHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * LTI Dynamic Registration 1.0, tool side: given the platform's configuration URL and
 * registration token, reads the configuration, checks it, registers the tool with the
 * placements, scopes and claims it needs, and stores the client id and deployment.
 */
@Service
class DynamicRegistration {

	static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";

	static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	static final List<String> SCOPES = Registration.SCOPES;

	private static final int MAX_RESPONSE_BYTES = 256 * 1024;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Registrations registrations;

	private final ToolUrls urls;

	private final String secret;

	DynamicRegistration(Registrations registrations, ToolUrls urls,
			LtiProperties properties) {
		String secret = properties.lti().registrationSecret();
		this.registrations = registrations;
		this.urls = urls;
		this.secret = secret;
	}

	/**
	 * Registers the tool with the platform that sent this request, if the request may.
	 * @param key the registration secret the link carried, if any
	 * @throws Refused when the request may not register a platform, or the platform's answers do not do
	 */
	Registration register(String configurationUrl, String token, String key, HttpServletRequest request) {
		if (StringUtils.hasText(this.secret) && (key == null || !MessageDigest.isEqual(
				key.getBytes(StandardCharsets.UTF_8), this.secret.getBytes(StandardCharsets.UTF_8)))) {
			throw new Refused(403, "lti.registration.refused.secret", "registration key missing or wrong");
		}
		// Without a secret, only someone at this machine registers a platform (the demo, a
		// developer): a registered platform can launch anyone as an administrator.
		if (!StringUtils.hasText(this.secret) && !DirectLocalRequest.test(request)) {
			throw new Refused(403, "lti.registration.refused.noSecret",
					"no registration secret configured; refused a request from " + request.getRemoteAddr()
							+ " (connection to " + request.getLocalAddr() + ") that is not direct from this machine");
		}
		if (!StringUtils.hasText(configurationUrl)) {
			throw new Refused(400, "lti.registration.refused.parameters", "no openid_configuration");
		}
		// And only a platform on this machine too: a reverse proxy on the same host may relay
		// outsiders' requests over loopback without saying so, but it cannot put their
		// platform on this machine. A real platform (Canvas) never is.
		if (!StringUtils.hasText(this.secret) && !onThisMachine(configurationUrl)) {
			throw new Refused(403, "lti.registration.refused.noSecret",
					"no registration secret configured; refused a platform not on this machine: " + configurationUrl);
		}
		return register(configurationUrl, token, this.urls.base(request));
	}

	/** Whether the URL's host is this machine: {@code localhost} or a loopback address. */
	static boolean onThisMachine(String url) {
		try {
			String host = java.net.URI.create(url).getHost();
			return ToolUrls.isLoopback(host) || DirectLocalRequest.isLoopback(host);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private Registration register(String configurationUrl, String token, String base) {
		String configurationOrigin = ToolUrls.origin(configurationUrl);
		if (configurationOrigin == null || !isAllowedUrl(configurationUrl)) {
			throw new Refused(400, "lti.registration.refused.parameters", "bad configuration URL " + configurationUrl);
		}
		JsonNode platform = fetch(configurationUrl);
		String issuer = text(platform, "issuer");
		if (issuer == null || !configurationOrigin.equals(ToolUrls.origin(issuer))) {
			throw new Refused(400, "lti.registration.refused.issuer",
					"issuer " + issuer + " does not match the configuration URL's origin " + configurationOrigin);
		}
		String endpoint = text(platform, "registration_endpoint");
		String authorization = text(platform, "authorization_endpoint");
		String jwks = text(platform, "jwks_uri");
		if (endpoint == null || authorization == null || jwks == null || !isAllowedUrl(endpoint)
				|| !isAllowedUrl(jwks) || !isAllowedUrl(authorization)) {
			throw new Refused(400, "lti.registration.refused.configuration",
					"configuration lacks registration_endpoint, authorization_endpoint or jwks_uri");
		}
		String tokenEndpoint = text(platform, "token_endpoint");
		if (!org.coachapproach.lti.http.LocalAddresses.isLocalName(java.net.URI.create(configurationUrl).getHost())) {
			// A platform on the internet has no endpoint inside the tool's own network: the tool
			// would call there (key sets, tokens) for whoever registered it.
			for (String url : java.util.Arrays.asList(endpoint, authorization, jwks, tokenEndpoint)) {
				String host = url == null ? null : java.net.URI.create(url).getHost();
				if (host != null && org.coachapproach.lti.http.LocalAddresses.isLocalName(host)) {
					throw new Refused(400, "lti.registration.refused.configuration",
							"endpoint " + url + " is on this machine or a private network, and the platform is not");
				}
			}
		}
		if (!configurationOrigin.equals(ToolUrls.origin(endpoint))) {
			// The tool sends its registration token only to the site that sent it here.
			throw new Refused(400, "lti.registration.refused.configuration",
					"registration_endpoint " + endpoint + " is not on " + configurationOrigin);
		}
		List<String> asked = askedScopes(platform);
		JsonNode answer = post(endpoint, token, toolConfiguration(asked, base), configurationUrl);
		String clientId = text(answer, "client_id");
		if (clientId == null) {
			throw new Refused(502, "lti.registration.refused.answer", "registration answer has no client_id");
		}
		String deployment = text(answer.path(TOOL_CONFIGURATION), "deployment_id");
		String family = text(platform.path(PLATFORM_CONFIGURATION), "product_family_code");
		Set<String> frameOrigins = new LinkedHashSet<>();
		frameOrigins.add(configurationOrigin);
		if ("canvas".equals(family) && issuer.matches("https://canvas(\\.(beta|test))?\\.instructure\\.com")) {
			frameOrigins.add("https://*." + issuer.substring("https://canvas.".length()));
		}
		RegistrationRequest request = new RegistrationRequest(issuer, clientId, family, authorization,
				text(platform, "token_endpoint"), jwks, deployment == null ? List.of() : List.of(deployment), true,
				frameOrigins, "dynamic", grantedScopes(answer, asked));
		try {
			return this.registrations.register(request);
		}
		catch (InvalidRegistrationException ex) {
			throw new Refused(400, "lti.registration.refused.configuration", ex.getMessage());
		}
	}

	/** The scopes the tool asks for: its own, less those the platform says it does not offer. */
	private static List<String> askedScopes(JsonNode platform) {
		List<String> offered = new ArrayList<>();
		platform.path("scopes_supported").forEach(scope -> offered.add(scope.asString()));
		return SCOPES.stream().filter(s -> offered.isEmpty() || offered.contains(s)).toList();
	}

	/**
	 * What the platform granted: the {@code scope} of its answer (RFC 7591 §3.2.1: an
	 * administrator may have unticked some), kept to what was asked; an answer without one
	 * granted the request as it was.
	 */
	static Set<String> grantedScopes(JsonNode answer, List<String> asked) {
		JsonNode scope = answer.path("scope");
		if (!scope.isString()) {
			return Set.copyOf(asked);
		}
		Set<String> granted = new LinkedHashSet<>(List.of(scope.asString().trim().split("\\s+")));
		granted.retainAll(asked);
		return granted;
	}

	/**
	 * The registration request (Dynamic Registration §3.5.2), with what the Canvas developer key
	 * asks for ({@link CanvasDeveloperKey}): the same placements, labels, icon and course
	 * navigation visibility, and the scopes the platform offers.
	 */
	private Map<String, Object> toolConfiguration(List<String> scopes, String base) {
		String launch = base + ToolUrls.LAUNCH;
		String icon = base + CanvasDeveloperKey.ICON;
		Map<String, Object> navigation = new LinkedHashMap<>();
		navigation.put("type", "LtiResourceLinkRequest");
		navigation.put("target_link_uri", launch);
		navigation.put("label", CanvasDeveloperKey.NAVIGATION_TEXT);
		navigation.put("icon_uri", icon);
		navigation.put("placements", List.of("course_navigation"));
		navigation.put("https://canvas.instructure.com/lti/course_navigation/default_enabled", true);
		navigation.put("https://canvas.instructure.com/lti/visibility", CanvasDeveloperKey.NAVIGATION_VISIBILITY);
		Map<String, Object> selection = new LinkedHashMap<>();
		selection.put("type", "LtiDeepLinkingRequest");
		selection.put("target_link_uri", launch);
		selection.put("label", CanvasDeveloperKey.SELECTION_TEXT);
		selection.put("icon_uri", icon);
		selection.put("placements", CanvasDeveloperKey.SELECTION_PLACEMENTS);
		Map<String, Object> tool = new LinkedHashMap<>();
		tool.put("domain", URI.create(base).getAuthority());
		tool.put("description", "Coach-approach mentor training, CFDS archive, matching and self-assessments");
		tool.put("target_link_uri", launch);
		tool.put("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email"));
		tool.put("messages", List.of(navigation, selection));
		tool.put("custom_parameters", CanvasDeveloperKey.CUSTOM_FIELDS);
		tool.put("https://canvas.instructure.com/lti/privacy_level", "public");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("application_type", "web");
		body.put("response_types", List.of("id_token"));
		body.put("grant_types", List.of("implicit", "client_credentials"));
		body.put("initiate_login_uri", base + ToolUrls.LOGIN);
		body.put("redirect_uris", List.of(launch));
		body.put("client_name", "Coach Approach");
		body.put("logo_uri", icon);
		body.put("jwks_uri", base + ToolUrls.JWKS);
		body.put("token_endpoint_auth_method", "private_key_jwt");
		body.put("scope", String.join(" ", scopes));
		body.put(TOOL_CONFIGURATION, tool);
		return body;
	}

	private JsonNode fetch(String url) {
		return send(PlatformHttp.get(url), "configuration", url);
	}

	private JsonNode post(String url, String token, Map<String, Object> body, String platformUrl) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)));
		if (StringUtils.hasText(token)) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request, "registration", platformUrl);
	}

	private JsonNode send(HttpRequest.Builder request, String what, String platformUrl) {
		try {
			PlatformHttp.Answer answer = PlatformHttp.send(request.build(), platformUrl, MAX_RESPONSE_BYTES, Duration.ofSeconds(10));
			if (answer.status() / 100 != 2) {
				throw new Refused(502, "lti.registration.refused.answer",
						"platform " + what + " answered " + answer.status() + ": " + abbreviate(answer.body()));
			}
			return this.json.readTree(answer.body());
		}
		catch (JacksonException ex) {
			throw new Refused(502, "lti.registration.refused.answer", "platform " + what + " answer is not JSON");
		}
		catch (IOException ex) {
			throw new Refused(502, "lti.registration.refused.unreachable", "platform " + what + ": " + ex.getMessage());
		}
	}

	private static boolean isAllowedUrl(String url) {
		try {
			URI uri = URI.create(url);
			return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && ToolUrls.isLoopback(uri.getHost()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isBlank() ? value.asString() : null;
	}

	private static String abbreviate(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

	/** Why a registration did not happen: an HTTP status, a message key, and the detail for the log. */
	static final class Refused extends RuntimeException {

		private final int status;

		private final String reason;

		Refused(int status, String reason, String detail) {
			super(detail);
			this.status = status;
			this.reason = reason;
		}

		int status() {
			return this.status;
		}

		String reason() {
			return this.reason;
		}

	}

}
