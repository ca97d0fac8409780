package org.coachapproach.demoplatform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.coachapproach.lti.Exchanges;
import org.coachapproach.lti.TestPlatform;

/**
 * Just enough of an LTI tool to go through Dynamic Registration, on its own port: its
 * {@code /lti/register} fetches the platform's openid configuration and posts a registration
 * with the token it was given (asking for {@code scope}), as the Coach Approach tool does. It
 * publishes its RSA key at {@code /lti/jwks} and signs client assertions and deep-linking
 * responses with it.
 */
final class StubTool {

	static final String ALL_SCOPES = String.join(" ", "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
			"https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
			"https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
			"https://purl.imsglobal.org/spec/lti-ags/scope/score",
			"https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

	private final HttpServer server;

	private final HttpClient client = HttpClient.newHttpClient();

	private final String scope;

	private volatile RSAKey key = generateKey();

	/** How often the platform fetched {@code /lti/jwks}. */
	final AtomicInteger jwksFetches = new AtomicInteger();

	/** The openid_configuration URLs it was sent. */
	final List<String> configurationUrls = new CopyOnWriteArrayList<>();

	/** The query of each request to {@code /lti/register}, in order. */
	final List<Map<String, String>> registrationQueries = new CopyOnWriteArrayList<>();

	/** The platform's answers to its registrations, oldest first. */
	final List<Map<String, Object>> registrations = new CopyOnWriteArrayList<>();

	private StubTool(String scope) throws IOException {
		this.scope = scope;
		this.server = HttpServer.create(new InetSocketAddress(0), 0);
		this.server.createContext("/lti/register", this::register);
		this.server.createContext("/lti/jwks", this::jwks);
		this.server.setExecutor(Executors.newCachedThreadPool(task -> {
			Thread thread = new Thread(task, "stub-tool");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.start();
	}

	static StubTool start() {
		return start("https://purl.imsglobal.org/spec/lti-ags/scope/score");
	}

	/** A stub tool that asks for {@code scope} when it registers. */
	static StubTool start(String scope) {
		try {
			return new StubTool(scope);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	Map<String, Object> latestRegistration() {
		return this.registrations.get(this.registrations.size() - 1);
	}

	void stop() {
		this.server.stop(0);
	}

	/** Signs with the published key (RS256, its kid in the header). */
	String sign(JWTClaimsSet claims) {
		return sign(claims, this.key);
	}

	/** Signs with a key the tool never published, under the published key's kid. */
	String signWithUnpublishedKey(JWTClaimsSet claims) {
		try {
			return sign(claims, new RSAKeyGenerator(2048).keyID(this.key.getKeyID()).generate());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Publishes a new key (with a new kid) in place of the old one. */
	void rotateKey() {
		this.key = generateKey();
	}

	/** A client assertion (RFC 7523) for {@code clientId}, meant for {@code audience}, valid until {@code expires}. */
	String clientAssertion(String clientId, String audience, Instant expires, String jti) {
		Instant issued = expires.minusSeconds(300).isBefore(Instant.now()) ? expires.minusSeconds(300) : Instant.now();
		return sign(new JWTClaimsSet.Builder().issuer(clientId)
			.subject(clientId)
			.audience(audience)
			.issueTime(Date.from(issued))
			.expirationTime(Date.from(expires))
			.jwtID(jti)
			.build());
	}

	/** A good client assertion with a new jti. */
	String clientAssertion(String clientId, String audience) {
		return clientAssertion(clientId, audience, Instant.now().plusSeconds(300), UUID.randomUUID().toString());
	}

	/** Signs as the test platform signs its launches: one way to sign an RS256 JWT in the tests. */
	private static String sign(JWTClaimsSet claims, RSAKey key) {
		return TestPlatform.sign(claims, key, key.getKeyID());
	}

	private static RSAKey generateKey() {
		return TestPlatform.newKey();
	}

	private void jwks(HttpExchange exchange) throws IOException {
		this.jwksFetches.incrementAndGet();
		Exchanges.json(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString(true));
	}

	private void register(HttpExchange exchange) throws IOException {
		try {
			Map<String, String> query = PlatformHttp.queryParameters(exchange.getRequestURI().toString());
			this.registrationQueries.add(query);
			String configurationUrl = query.get("openid_configuration");
			this.configurationUrls.add(configurationUrl);
			Map<String, Object> configuration = PlatformHttp.json(this.client
				.send(HttpRequest.newBuilder(URI.create(configurationUrl)).build(), HttpResponse.BodyHandlers.ofString())
				.body());
			HttpResponse<String> answer = this.client.send(
					HttpRequest.newBuilder(URI.create((String) configuration.get("registration_endpoint")))
						.header("Content-Type", "application/json")
						.header("Authorization", "Bearer " + query.get("registration_token"))
						.POST(HttpRequest.BodyPublishers.ofString(PlatformHttp.toolConfiguration(url(), this.scope)))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				Exchanges.html(exchange, 502, "The platform refused: " + answer.body());
				return;
			}
			this.registrations.add(PlatformHttp.json(answer.body()));
			Exchanges.html(exchange, 200, "<!DOCTYPE html><html lang=\"en\"><title>Registered</title><script>"
					+ "(window.opener || window.parent).postMessage({subject: 'org.imsglobal.lti.close'}, '*');"
					+ "</script></html>");
		}
		catch (Exception ex) {
			Exchanges.html(exchange, 500, ex.toString());
		}
	}

}
