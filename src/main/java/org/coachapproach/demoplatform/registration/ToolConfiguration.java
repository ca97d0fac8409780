package org.coachapproach.demoplatform.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * A tool's configuration as it submitted it to the registration endpoint (LTI Dynamic
 * Registration 1.0 §3.5), checked for what the platform needs to launch the tool.
 */
public final class ToolConfiguration {

	public static final String LTI_TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	private final Map<String, Object> json;

	private ToolConfiguration(Map<String, Object> json) {
		this.json = json;
	}

	/** Parses and checks a submitted configuration. */
	public static ToolConfiguration parse(String body) throws InvalidToolConfigurationException {
		if (body == null || body.isBlank()) {
			throw InvalidToolConfigurationException
				.metadata("The request body is empty: send the tool configuration as a JSON object");
		}
		Map<String, Object> json;
		try {
			json = JSONObjectUtils.parse(body);
		}
		catch (ParseException ex) {
			throw InvalidToolConfigurationException.metadata("The request body is not a JSON object: " + ex.getMessage());
		}
		ToolConfiguration configuration = new ToolConfiguration(new LinkedHashMap<>(json));
		configuration.check();
		return configuration;
	}

	private void check() throws InvalidToolConfigurationException {
		requireUrl(this.json, "initiate_login_uri");
		requireUrl(this.json, "jwks_uri");
		Object redirectUris = this.json.get("redirect_uris");
		if (!(redirectUris instanceof List<?> list) || list.isEmpty()) {
			throw InvalidToolConfigurationException
				.redirectUri("'redirect_uris' must be a non-empty array of the tool's launch URLs");
		}
		for (Object uri : list) {
			if (!(uri instanceof String text) || !isHttpUrl(text)) {
				throw InvalidToolConfigurationException
					.redirectUri("'redirect_uris' holds " + uri + ", not an absolute http(s) URL");
			}
		}
		if (!(this.json.get(LTI_TOOL_CONFIGURATION) instanceof Map<?, ?> lti)) {
			throw InvalidToolConfigurationException.metadata("'" + LTI_TOOL_CONFIGURATION + "' is missing or not an object");
		}
		requireUrl(lti, "target_link_uri");
		if (!(lti.get("domain") instanceof String domain) || domain.isBlank()) {
			throw InvalidToolConfigurationException
				.metadata("'domain' in '" + LTI_TOOL_CONFIGURATION + "' is missing or empty");
		}
		if (lti.containsKey("messages") && !(lti.get("messages") instanceof List<?> entries
				&& entries.stream().allMatch(Map.class::isInstance))) {
			throw InvalidToolConfigurationException
				.metadata("'messages' in '" + LTI_TOOL_CONFIGURATION + "' must be an array of objects");
		}
		for (Map<?, ?> message : messages()) {
			if (!(message.get("type") instanceof String type) || type.isBlank()) {
				throw InvalidToolConfigurationException.metadata("Every entry of 'messages' needs a 'type'");
			}
			if (message.containsKey("target_link_uri")) {
				requireUrl(message, "target_link_uri");
			}
		}
	}

	private static void requireUrl(Map<?, ?> json, String field) throws InvalidToolConfigurationException {
		Object value = json.get(field);
		if (!(value instanceof String text) || text.isBlank()) {
			throw InvalidToolConfigurationException.metadata("'" + field + "' is missing");
		}
		if (!isHttpUrl(text)) {
			throw InvalidToolConfigurationException.metadata("'" + field + "' is not an absolute http(s) URL: " + text);
		}
	}

	private static boolean isHttpUrl(String text) {
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme();
			return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null
					&& uri.getFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** The configuration as the platform answers it: as submitted, plus the ids it assigned. */
	@SuppressWarnings("unchecked") // JSON objects have string keys
	public ToolConfiguration withIds(String clientId, String deploymentId) {
		Map<String, Object> answer = new LinkedHashMap<>(this.json);
		answer.put("client_id", clientId);
		if (this.json.containsKey("scope")) {
			answer.put("scope", String.join(" ", grantedScopes()));
		}
		Map<String, Object> lti = new LinkedHashMap<>((Map<String, Object>) toolConfiguration());
		lti.put("deployment_id", deploymentId);
		answer.put(LTI_TOOL_CONFIGURATION, lti);
		return new ToolConfiguration(answer);
	}

	public String toJson() {
		return JSONObjectUtils.toJSONString(this.json);
	}

	/** Reads back a configuration this platform stored. */
	static ToolConfiguration stored(String json) {
		try {
			return new ToolConfiguration(new LinkedHashMap<>(JSONObjectUtils.parse(json)));
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored tool configuration is not JSON", ex);
		}
	}

	/** The configuration as JSON-ready maps and lists. */
	public Map<String, Object> json() {
		return this.json;
	}

	/**
	 * The service scopes the tool holds: those it asked for in {@code scope} that this
	 * platform offers (once registered, the {@code scope} answered is exactly those).
	 */
	public List<String> grantedScopes() {
		return AdvantageScopes.offered(AdvantageScopes.parse(
				(this.json.get("scope") instanceof String scope) ? scope : null));
	}

	public String initiateLoginUri() {
		return (String) this.json.get("initiate_login_uri");
	}

	public String jwksUri() {
		return (String) this.json.get("jwks_uri");
	}

	public List<String> redirectUris() {
		List<String> uris = new ArrayList<>();
		for (Object uri : (List<?>) this.json.get("redirect_uris")) {
			uris.add((String) uri);
		}
		return uris;
	}

	public Optional<String> clientName() {
		return (this.json.get("client_name") instanceof String name && !name.isBlank()) ? Optional.of(name)
				: Optional.empty();
	}

	public String targetLinkUri() {
		return (String) toolConfiguration().get("target_link_uri");
	}

	public String domain() {
		return (String) toolConfiguration().get("domain");
	}

	/**
	 * The URL to launch for a message type in a placement: the matching entry of
	 * {@code messages} (one naming the placement, or naming none), else the tool's default.
	 */
	public String targetLinkUri(String messageType, String placement) {
		return message(messageType, placement).map(message -> message.get("target_link_uri"))
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.orElse(targetLinkUri());
	}

	/** The label for a message type in a placement, else the client name. */
	public Optional<String> label(String messageType, String placement) {
		return message(messageType, placement).map(message -> message.get("label"))
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.filter(label -> !label.isBlank())
			.or(this::clientName);
	}

	/** The tool's custom parameters, overridden by those of the matching message. */
	public Map<String, String> customParameters(String messageType, String placement) {
		Map<String, String> custom = new LinkedHashMap<>();
		addStrings(custom, toolConfiguration().get("custom_parameters"));
		message(messageType, placement).ifPresent(message -> addStrings(custom, message.get("custom_parameters")));
		return custom;
	}

	private Optional<Map<?, ?>> message(String messageType, String placement) {
		Map<?, ?> general = null;
		for (Map<?, ?> message : messages()) {
			if (!messageType.equals(message.get("type"))) {
				continue;
			}
			if (!(message.get("placements") instanceof List<?> placements) || placements.isEmpty()) {
				general = (general != null) ? general : message;
				continue;
			}
			for (Object named : placements) {
				// Canvas accepts its placement names bare or as URLs ending in the name.
				if (named instanceof String text && (text.equals(placement) || text.endsWith("/" + placement))) {
					return Optional.of(message);
				}
			}
		}
		return Optional.ofNullable(general);
	}

	private List<Map<?, ?>> messages() {
		List<Map<?, ?>> messages = new ArrayList<>();
		if (toolConfiguration().get("messages") instanceof List<?> list) {
			for (Object message : list) {
				if (message instanceof Map<?, ?> map) {
					messages.add(map);
				}
			}
		}
		return messages;
	}

	private Map<?, ?> toolConfiguration() {
		return (this.json.get(LTI_TOOL_CONFIGURATION) instanceof Map<?, ?> lti) ? lti : Map.of();
	}

	private static void addStrings(Map<String, String> target, Object source) {
		if (source instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if (key instanceof String name && value != null) {
					target.put(name, String.valueOf(value));
				}
			});
		}
	}

}
