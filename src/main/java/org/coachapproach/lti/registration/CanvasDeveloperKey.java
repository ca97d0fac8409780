package org.coachapproach.lti.registration;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.coachapproach.lti.http.ToolUrls;
import org.coachapproach.people.LaunchContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Canvas developer key configuration (LTI 1.3 "Paste JSON" or "Enter URL"), built from the
 * tool's public base URL. As a command it writes {@code lti-config/canvas-developer-key.json}:
 * {@code mvn -q compile exec:java@canvas-developer-key -Dbase-url=https://coach.example.edu}.
 */
public final class CanvasDeveloperKey {

	/** The tool's icon, under its base URL. */
	static final String ICON = "/images/icon.svg";

	static final String NAVIGATION_TEXT = "Coach Approach";

	/** Course navigation shows the tool to the course's members only (not to the public or guests). */
	static final String NAVIGATION_VISIBILITY = "members";

	static final String SELECTION_TEXT = "Coach Approach content";

	static final List<String> SELECTION_PLACEMENTS = List.of("assignment_selection", "link_selection");

	/**
	 * The custom fields the tool reads: only the person's time zone, which no standard claim
	 * carries (person, course and locale come from the standard claims).
	 */
	static final Map<String, String> CUSTOM_FIELDS = Map.of(LaunchContext.TIME_ZONE_PARAMETER,
			"$Person.address.timezone");

	private CanvasDeveloperKey() {
	}

	public static Map<String, Object> configuration(String baseUrl) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		ToolUrls.requireSecure(URI.create(base));
		String launch = base + ToolUrls.LAUNCH;
		String icon = base + ICON;
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("text", "Coach Approach");
		settings.put("icon_url", icon);
		List<Map<String, Object>> placements = new java.util.ArrayList<>();
		placements.add(placement("course_navigation", "LtiResourceLinkRequest", launch, NAVIGATION_TEXT, icon, null, null));
		SELECTION_PLACEMENTS.forEach(name -> placements
			.add(placement(name, "LtiDeepLinkingRequest", launch, SELECTION_TEXT, icon, 800, 600)));
		settings.put("placements", placements);
		Map<String, Object> extension = new LinkedHashMap<>();
		extension.put("domain", URI.create(base).getAuthority());
		extension.put("tool_id", "coach-approach");
		extension.put("platform", "canvas.instructure.com");
		extension.put("privacy_level", "public");
		extension.put("settings", settings);
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("title", "Coach Approach");
		key.put("description", "Coach-approach mentor training for clinical faculty: the seven-session curriculum, "
				+ "the Clinical Faculty Development Series archive, mentor–mentee matching and confidential "
				+ "pre/post self-assessments.");
		key.put("oidc_initiation_url", base + ToolUrls.LOGIN);
		key.put("target_link_uri", launch);
		key.put("public_jwk_url", base + ToolUrls.JWKS);
		key.put("scopes", Registration.SCOPES);
		key.put("extensions", List.of(extension));
		key.put("custom_fields", CUSTOM_FIELDS);
		return key;
	}

	public static String json(String baseUrl) {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
			.writeValueAsString(configuration(baseUrl)) + "\n";
	}

	private static Map<String, Object> placement(String name, String messageType, String target, String text,
			String icon, Integer width, Integer height) {
		Map<String, Object> placement = new LinkedHashMap<>();
		placement.put("placement", name);
		placement.put("message_type", messageType);
		placement.put("target_link_uri", target);
		placement.put("text", text);
		placement.put("icon_url", icon);
		if (name.equals("course_navigation")) {
			placement.put("default", "enabled");
			placement.put("visibility", NAVIGATION_VISIBILITY);
		}
		if (width != null) {
			placement.put("selection_width", width);
			placement.put("selection_height", height);
		}
		return placement;
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1 || args[0].isBlank()) {
			System.err.println("Usage: canvas-developer-key <tool base URL, e.g. https://coach.example.edu> [output file]");
			System.exit(2);
		}
		Path out = Path.of(args.length > 1 ? args[1] : "lti-config/canvas-developer-key.json");
		try {
			Files.writeString(out, json(args[0]));
		}
		catch (ToolUrls.InsecureUrlException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
		System.out.println("Wrote " + out);
	}

}
