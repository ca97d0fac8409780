package org.coachapproach.demoplatform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Talks to the demo platform over real HTTP, as a browser or a tool would, and reads what it
 * answers: JSON, hidden form fields, attributes of tags.
 */
final class PlatformHttp {

	static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

	static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String platformUrl;

	PlatformHttp(int port) {
		this.platformUrl = "http://127.0.0.1:" + port;
	}

	String url(String path) {
		return path.startsWith("http") ? path : this.platformUrl + path;
	}

	HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url(pathOrUrl))).GET().build());
	}

	HttpResponse<String> get(String path, Map<String, String> query) throws IOException, InterruptedException {
		return get(path + "?" + formEncoded(query));
	}

	HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formEncoded(form)))
			.build());
	}

	/** Posts JSON with {@code Authorization: Bearer <token>}, or no Authorization if {@code token} is null. */
	HttpResponse<String> postJson(String path, String token, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build());
	}

	/**
	 * A service request: {@code method} to {@code path} with {@code Authorization: Bearer
	 * <token>} (none if null), {@code Accept} and, with a body, its {@code Content-Type}.
	 */
	HttpResponse<String> service(String method, String path, String token, String accept, String contentType,
			String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static String formEncoded(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map(value -> value.getKey() + "=" + URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static Map<String, Object> json(String body) throws ParseException {
		return JSONObjectUtils.parse(body);
	}

	/** The first tag named {@code name} whose text contains {@code marker}, e.g. {@code id="tool-frame"}. */
	static String tag(String html, String name, String marker) {
		Matcher tags = Pattern.compile("<" + name + "\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
		while (tags.find()) {
			if (tags.group().contains(marker)) {
				return tags.group();
			}
		}
		throw new AssertionError("No <" + name + "> with " + marker + " in:\n" + html);
	}

	/** An attribute of a tag, HTML entities decoded; null if absent. */
	static String attribute(String tag, String name) {
		Matcher attribute = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
		return attribute.find() ? unescape(attribute.group(1)) : null;
	}

	/** The named inputs of the first form, by name. */
	static Map<String, String> formInputs(String html) {
		Map<String, String> inputs = new LinkedHashMap<>();
		Matcher tags = Pattern.compile("<input\\b[^>]*>").matcher(html);
		while (tags.find()) {
			String name = attribute(tags.group(), "name");
			if (name != null) {
				inputs.put(name, attribute(tags.group(), "value"));
			}
		}
		return inputs;
	}

	/** The query parameters of a URL, decoded. */
	static Map<String, String> queryParameters(String url) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String query = URI.create(url).getRawQuery();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			parameters.put(pair.substring(0, equals),
					java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
		}
		return parameters;
	}

	/** Verifies an id_token against the platform's published keys, as a tool does; answers its claims. */
	JWTClaimsSet verify(String idToken) throws Exception {
		JWKSet keys = JWKSet.parse(get("/demo/jwks").body());
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
		return processor.process(idToken, null);
	}

	/** A tool's registration request, as the Coach Approach tool would send it, for {@code toolUrl}. */
	static String toolConfiguration(String toolUrl) {
		return toolConfiguration(toolUrl, "https://purl.imsglobal.org/spec/lti-ags/scope/score");
	}

	/** As above, asking for {@code scope}. */
	static String toolConfiguration(String toolUrl, String scope) {
		String host = URI.create(toolUrl).getHost();
		return """
				{
				  "application_type": "web",
				  "response_types": ["id_token"],
				  "grant_types": ["implicit", "client_credentials"],
				  "initiate_login_uri": "%1$s/lti/login",
				  "redirect_uris": ["%1$s/lti/launch"],
				  "client_name": "Fake Tool",
				  "jwks_uri": "%1$s/lti/jwks",
				  "token_endpoint_auth_method": "private_key_jwt",
				  "scope": "%3$s",
				  "https://purl.imsglobal.org/spec/lti-tool-configuration": {
				    "domain": "%2$s",
				    "target_link_uri": "%1$s/lti/launch",
				    "custom_parameters": { "course_title": "$Context.title" },
				    "claims": ["iss", "sub", "name", "given_name", "family_name", "email"],
				    "messages": [
				      { "type": "LtiResourceLinkRequest", "label": "Fake Tool Home", "placements": ["course_navigation"] },
				      { "type": "LtiDeepLinkingRequest", "target_link_uri": "%1$s/lti/deep-link" }
				    ]
				  }
				}""".formatted(toolUrl, host, scope);
	}

	private static String unescape(String text) {
		return text.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
