package org.coachapproach.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.Exchanges;
import org.coachapproach.lti.TestPlatform;

/**
 * The platform side of the soak, over real HTTP on loopback: registers itself with the tool
 * through Dynamic Registration (granting every scope the tool asks for), signs launches into
 * one course whose Assignment and Grade Services it serves (token, line items, scores), so that
 * the tool's score outbox delivers for real.
 */
final class SoakPlatform implements AutoCloseable {

	static final String COURSE = "soak-course";

	private static final String CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";

	private static final Pattern RESOURCE_ID = Pattern.compile("\"resourceId\"\\s*:\\s*\"([^\"]*)\"");

	private static final Pattern SCORE_MAXIMUM = Pattern.compile("\"scoreMaximum\"\\s*:\\s*([0-9.]+)");

	private final String tool;

	private final RSAKey key = TestPlatform.newKey();

	private final HttpServer server;

	private final String issuer;

	private final AtomicInteger lineItems = new AtomicInteger();

	private final AtomicLong scoresReceived = new AtomicLong();

	SoakPlatform(String tool) throws IOException {
		this.tool = tool;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.issuer = "http://127.0.0.1:" + this.server.getAddress().getPort();
		// No scopes_supported: the tool asks for all its scopes, and the answer (no "scope") grants them.
		this.server.createContext("/.well-known/openid-configuration", ex -> Exchanges.json(ex, 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","registration_endpoint":"%1$s/register",
				 "jwks_uri":"%1$s/jwks","token_endpoint":"%1$s/token",
				 "https://purl.imsglobal.org/spec/lti-platform-configuration":{"product_family_code":"soak","version":"1"}}
				""".formatted(this.issuer)));
		this.server.createContext("/register", ex -> {
			ex.getRequestBody().readAllBytes();
			Exchanges.json(ex, 200, """
					{"client_id":"soak-client","https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"soak-deployment"}}
					""");
		});
		this.server.createContext("/jwks", ex -> Exchanges.json(ex, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.createContext("/token", ex -> {
			ex.getRequestBody().readAllBytes();
			Exchanges.json(ex, 200, "{\"access_token\":\"soak-" + System.nanoTime()
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
		});
		this.server.createContext("/lineitems", this::lineItems);
		this.server.start();
	}

	/** Line items container, line items and their scores: enough of AGS for the tool's sender. */
	private void lineItems(HttpExchange ex) throws IOException {
		String path = ex.getRequestURI().getPath();
		String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String container = this.issuer + "/lineitems";
		if (path.equals("/lineitems") && "GET".equals(ex.getRequestMethod())) {
			Exchanges.json(ex, 200, "[]"); // none found: the tool creates its own
		}
		else if (path.equals("/lineitems") && "POST".equals(ex.getRequestMethod())) {
			Matcher resource = RESOURCE_ID.matcher(body);
			Matcher maximum = SCORE_MAXIMUM.matcher(body);
			Exchanges.json(ex, 201, "{\"id\":\"%s/%d\",\"resourceId\":\"%s\",\"scoreMaximum\":%s,\"label\":\"soak\"}".formatted(
					container, this.lineItems.incrementAndGet(), resource.find() ? resource.group(1) : "",
					maximum.find() ? maximum.group(1) : "1"));
		}
		else if (path.endsWith("/scores") && "POST".equals(ex.getRequestMethod())) {
			this.scoresReceived.incrementAndGet();
			Exchanges.json(ex, 200, "{}");
		}
		else if ("GET".equals(ex.getRequestMethod())) {
			Exchanges.json(ex, 200, "{\"id\":\"%s%s\",\"scoreMaximum\":1,\"label\":\"soak\"}".formatted(this.issuer,
					path));
		}
		else {
			Exchanges.json(ex, 405, "{}");
		}
	}

	long scoresReceived() {
		return this.scoresReceived.get();
	}

	void register() {
		HttpResponse<String> response = new Browser().get(this.tool + "/lti/register?openid_configuration=" + this.issuer
				+ "/.well-known/openid-configuration&registration_token=soak");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("registration failed: " + response.statusCode() + "\n" + response.body());
		}
	}

	/**
	 * A fresh browser signed in as {@code user} with these LTI roles and custom parameters (the
	 * program role), its first page rendered; {@code null} when the launch or its page failed, an
	 * exception when the login did not redirect.
	 */
	Browser signIn(String user, List<String> roles, Map<String, String> custom) {
		Browser browser = new Browser();
		String launchUrl = this.tool + "/lti/launch";
		HttpResponse<String> launched = TestPlatform.launch(browser,
				this.tool + "/lti/login?iss=" + this.issuer + "&login_hint=" + user
						+ "&client_id=soak-client&lti_deployment_id=soak-deployment&target_link_uri=" + launchUrl,
				launchUrl, this.key, nonce -> claims(user, nonce, roles, custom));
		return launched.statusCode() == 302 && browser.follow(launched).statusCode() == 200 ? browser : null;
	}

	private JWTClaimsSet claims(String user, String nonce, List<String> roles, Map<String, String> custom) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience("soak-client")
			.subject(user)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", nonce)
			.claim("name", "Soak " + user)
			.claim(CLAIM + "message_type", "LtiResourceLinkRequest")
			.claim(CLAIM + "version", "1.3.0")
			.claim(CLAIM + "deployment_id", "soak-deployment")
			.claim(CLAIM + "target_link_uri", this.tool + "/lti/launch")
			.claim(CLAIM + "resource_link", Map.of("id", "soak-link"))
			.claim(CLAIM + "roles", roles)
			.claim(CLAIM + "context", Map.of("id", COURSE, "title", "Soak", "label", "SOAK"))
			.claim(CLAIM + "custom", custom)
			.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
					Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
							"https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
							"https://purl.imsglobal.org/spec/lti-ags/scope/score"), "lineitems",
							this.issuer + "/lineitems"))
			.build();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
