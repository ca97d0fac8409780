package org.coachapproach.lti;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal platform for launch tests: publishes its keys over real HTTP and signs id_tokens
 * with whatever claims a test wants, valid or not.
 */
public final class TestPlatform implements AutoCloseable {

	public static final String ISSUER = "https://platform.test";

	public static final String CLIENT_ID = "client-1";

	public static final String DEPLOYMENT_ID = "deployment-1";

	private final HttpServer server;

	private final List<RSAKey> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger jwksRequests = new AtomicInteger();

	private volatile RSAKey signing;

	private volatile String issuer = ISSUER;

	private volatile String clientId = CLIENT_ID;

	/**
	 * A platform whose issuer is its own loopback address, as a platform on this machine (the
	 * tool accepts service URLs on loopback only from such a platform).
	 */
	public static TestPlatform onLoopback() throws IOException {
		TestPlatform platform = new TestPlatform();
		platform.issuer = "http://127.0.0.1:" + platform.server.getAddress().getPort();
		return platform;
	}

	public String issuer() {
		return this.issuer;
	}

	/**
	 * Another registration at the same issuer (the tool's client id differs), as Canvas cloud
	 * has one issuer for every institution and one developer key per institution.
	 */
	public static TestPlatform withClientId(String clientId) throws IOException {
		TestPlatform platform = new TestPlatform();
		platform.clientId = clientId;
		return platform;
	}

	public String clientId() {
		return this.clientId;
	}

	public TestPlatform() throws IOException {
		this.signing = newKey();
		this.published.add(this.signing);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/jwks", exchange -> {
			this.jwksRequests.incrementAndGet();
			Exchanges.json(exchange, 200,
					new JWKSet(this.published.stream().map(k -> (JWK) k.toPublicJWK()).toList()).toString());
		});
		this.server.start();
	}

	/** Serves {@code path} on this platform's own address too (service endpoints of a load driver). */
	public void handle(String path, com.sun.net.httpserver.HttpHandler handler) {
		this.server.createContext(path, handler);
	}

	public String jwksUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks";
	}

	public String authorizeUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/authorize";
	}

	public int jwksRequests() {
		return this.jwksRequests.get();
	}

	public RSAKey signingKey() {
		return this.signing;
	}

	/** Publishes a new key and signs with it from now on (the old one stays published). */
	public RSAKey rotate() {
		this.signing = newKey();
		this.published.add(this.signing);
		return this.signing;
	}

	/** Claims of a valid resource-link launch for this login's nonce. */
	public JWTClaimsSet.Builder validClaims(String nonce, String targetLinkUri) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience(this.clientId)
			.subject("learner-42")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", nonce)
			.claim("name", "Dana Mentor")
			.claim("email", "dana@example.edu")
			.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
			.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
			.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", DEPLOYMENT_ID)
			.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", targetLinkUri)
			.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-1", "title", "Coach Approach"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
					List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", "course-7", "title", "Mentor Training 2026", "label", "MT26"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("program_role", "mentor"))
			.claim("https://www.instructure.com/placement", "course_navigation");
	}

	/** Registers this platform (one deployment, no new ones) with the tool. */
	public void registerWith(org.coachapproach.lti.registration.Registrations registrations) {
		registerWith(registrations, null);
	}

	/** Registers this platform with a token endpoint for its services (AGS, NRPS). */
	public void registerWith(org.coachapproach.lti.registration.Registrations registrations, String tokenUrl) {
		registerWith(registrations, tokenUrl, null);
	}

	/** Registers this platform as one that granted only {@code grantedScopes} (null: not known, all assumed). */
	public void registerWith(org.coachapproach.lti.registration.Registrations registrations, String tokenUrl,
			java.util.Set<String> grantedScopes) {
		registrations.register(new org.coachapproach.lti.registration.RegistrationRequest(this.issuer, this.clientId,
				"Test platform", authorizeUrl(), tokenUrl, jwksUrl(), List.of(DEPLOYMENT_ID), false, java.util.Set.of(),
				"test", grantedScopes));
	}

	/**
	 * A fresh browser signed in to the tool at {@code toolBase} through a full launch (login
	 * initiation, signed id_token, launch); {@code adjust} changes the valid claims.
	 */
	public Browser signIn(String toolBase, String subject,
			java.util.function.UnaryOperator<JWTClaimsSet.Builder> adjust) {
		Browser browser = new Browser();
		String launchUrl = toolBase + "/lti/launch";
		HttpResponse<String> launched = launch(browser,
				toolBase + "/lti/login?iss=" + this.issuer + "&login_hint=" + subject + "&client_id=" + this.clientId
						+ "&lti_deployment_id=" + DEPLOYMENT_ID + "&target_link_uri=" + launchUrl,
				launchUrl, this.signing, nonce -> adjust.apply(validClaims(nonce, launchUrl).subject(subject)).build());
		if (launched.statusCode() != 302) {
			throw new AssertionError("launch refused: " + launched.statusCode() + " " + launched.body());
		}
		browser.landedAt(launched.headers().firstValue("Location").orElse(null));
		return browser;
	}

	/**
	 * One launch as a platform makes it, in {@code browser}: the login initiation at {@code loginUrl}
	 * (its query included), then an id_token that {@code claims} builds for the nonce of the tool's
	 * redirect, signed with {@code key}, posted with the redirect's state to {@code launchUrl}. The
	 * tool's answer to that post; the load drivers and {@link #signIn} share it.
	 */
	public static HttpResponse<String> launch(Browser browser, String loginUrl, String launchUrl, RSAKey key,
			Function<String, JWTClaimsSet> claims) {
		HttpResponse<String> login = browser.get(loginUrl);
		String location = login.headers().firstValue("Location").orElseThrow(
				() -> new IllegalStateException("login did not redirect: " + login.statusCode() + " " + login.body()));
		String token = sign(claims.apply(Browser.queryParameter(location, "nonce")), key, key.getKeyID());
		return browser.post(launchUrl, Map.of("id_token", token, "state", Browser.queryParameter(location, "state")));
	}

	public String sign(JWTClaimsSet claims) {
		return sign(claims, this.signing, this.signing.getKeyID());
	}

	public static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
