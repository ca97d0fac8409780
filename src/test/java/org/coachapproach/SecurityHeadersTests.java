package org.coachapproach;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers every response carries, over real HTTP: pages, static files, LTI endpoints, the
 * demo platform, errors and the actuator. The proxy on 127.0.0.1 is trusted, the one on
 * [::1] is not, so that both sides of the HSTS rule can be seen.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1")
class SecurityHeadersTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=|javascript:",
			Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	@Test
	void shouldSendNosniffReferrerPolicyAndCspOnEveryKindOfResponse() throws Exception {
		for (String path : List.of("/css/app.css", "/js/lti-storage.js", "/images/icon.svg", "/lti/jwks",
				"/lti/login", "/lti/register", "/demo", "/demo/assets/lti-messages.js", "/actuator/health",
				"/css/no-such-file.css", "/no-such-page")) {
			HttpResponse<String> response = get("127.0.0.1", path, null);

			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying(csp -> assertThat(csp).startsWith("frame-ancestors 'self'")
					.contains("script-src 'self'")
					.contains("object-src 'none'")
					.contains("base-uri 'self'")
					.doesNotContain("unsafe-inline")
					.doesNotContain("unsafe-eval"));
		}
		assertThat(get("127.0.0.1", "/no-such-page", null).statusCode()).isEqualTo(401);
		assertThat(get("127.0.0.1", "/css/no-such-file.css", null).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldLetAnyPlatformFrameOnlyTheRegistrationPage() throws Exception {
		assertThat(get("127.0.0.1", "/lti/register", null).headers().firstValue("Content-Security-Policy").orElseThrow())
			.startsWith("frame-ancestors 'self' *;");
		assertThat(get("127.0.0.1", "/lti/jwks", null).headers().firstValue("Content-Security-Policy").orElseThrow())
			.doesNotContain(" *;");
	}

	@Test
	void shouldSendHstsOnlyOverHttpsFromATrustedProxy() throws Exception {
		assertThat(get("127.0.0.1", "/lti/jwks", "https").headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000; includeSubDomains");
		assertThat(get("127.0.0.1", "/lti/jwks", null).headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(get("127.0.0.1", "/lti/jwks", "http").headers().firstValue("Strict-Transport-Security")).isEmpty();
		// Anyone may send the header; only a trusted proxy's counts.
		assertThat(get("[::1]", "/lti/jwks", "https").headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	/** Why the policy can forbid inline scripts: no template has one, nor an inline event handler. */
	@Test
	void shouldKeepEveryScriptInAFileOfItsOwn() throws IOException {
		List<String> inline = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
				String html = Files.readString(template);
				Matcher script = SCRIPT.matcher(html);
				while (script.find()) {
					if (!script.group(1).contains("src=")) {
						inline.add(TEMPLATES.relativize(template) + ": inline <script>");
					}
				}
				Matcher handler = INLINE_HANDLER.matcher(html);
				while (handler.find()) {
					inline.add(TEMPLATES.relativize(template) + ": " + handler.group().trim());
				}
			}
		}
		assertThat(inline).isEmpty();
		assertThat(SCRIPT.matcher("<script>alert(1)</script>").find()).isTrue();
		assertThat(INLINE_HANDLER.matcher("<button onclick=\"x()\">").find()).isTrue();
	}

	private HttpResponse<String> get(String host, String path, String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + this.port + path))
			.header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
