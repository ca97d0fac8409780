package org.coachapproach.lti;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.coachapproach.lti.registration.RegistrationRequest;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches over real HTTP with real signed id_tokens from {@link TestPlatform}: the accepted
 * one, and every way a launch must be refused, each with its status, reason and no side effect.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class LaunchTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(this.registrations);
		this.browser = new Browser();
	}

	@Test
	void shouldStartASessionAndShowTheHomePageForAValidLaunch() {
		Login login = login();
		HttpResponse<String> launched = launch(platform.sign(claims(login).build()), login.state());

		assertThat(launched.statusCode()).isEqualTo(302);
		assertThat(launched.headers().firstValue("Location")).hasValue(tool("/"));
		HttpResponse<String> home = this.browser.follow(launched);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Welcome, Dana Mentor").contains("Mentor Training 2026").contains("Mentor");
		assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow())
			.startsWith("frame-ancestors 'self'")
			.contains("https://platform.test");
		assertThat(home.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(this.jdbc.sql("SELECT program_role FROM membership m JOIN person p ON p.id = m.person_id WHERE p.subject = 'learner-42'")
			.query(String.class).single()).isEqualTo("MENTOR");
	}

	@Test
	void shouldAcceptConcurrentFirstLaunchesIntoANewCourse() throws Exception {
		String course = "course-" + System.nanoTime();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String subject = "first-" + (i % 4) + "-" + course;
				results.add(pool.submit(() -> {
					Browser browser = new Browser();
					Login login = Login.from(browser.get(loginUrl()));
					String token = platform.sign(platform.validClaims(login.nonce(), tool("/lti/launch"))
						.subject(subject)
						.claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", "New"))
						.build());
					return browser.post(tool("/lti/launch"), Map.of("id_token", token, "state", login.state())).statusCode();
				}));
			}
			for (java.util.concurrent.Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(302);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM course WHERE context_id = ?").param(course).query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM membership m JOIN course c ON c.id = m.course_id WHERE c.context_id = ?")
			.param(course).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void shouldNeverRedirectToAnotherSiteWhateverTheTargetLinkSays() {
		for (String target : List.of(tool("//evil.example/x"), tool("/\\evil.example"), tool("/%2F%2Fevil.example"),
				tool("/lti/../..//evil.example"), tool("/#fragment"))) {
			HttpResponse<String> response = launchAs(l -> platform
				.sign(claims(l).claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", target).build()));
			String location = response.headers().firstValue("Location").orElseThrow();
			assertThat(location).as(target).startsWith(tool("/")).doesNotStartWith(tool("//")).doesNotContain("\\")
				.doesNotContain("#");
			assertThat(java.net.URI.create(location).getHost()).isEqualTo("localhost");
		}
		HttpResponse<String> deep = launchAs(l -> platform
			.sign(claims(l).claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", tool("/sessions/3")).build()));
		assertThat(deep.headers().firstValue("Location")).hasValue(tool("/sessions/3"));
	}

	@Test
	void shouldNotMakeALearnerProgramStaffBecauseAPlacementSaysSo() {
		launchAs(l -> platform.sign(claims(l).subject("learner-staff")
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("program_role", "staff")).build()));

		assertThat(this.jdbc.sql("SELECT m.program_role FROM membership m JOIN person p ON p.id = m.person_id WHERE p.subject = 'learner-staff'")
			.query(String.class).optional()).isEmpty();
	}

	@Test
	void shouldRefuseAConfirmationPostedFromAnotherSite() throws Exception {
		Browser blocked = new Browser().blockCookies();
		Login login = Login.fromStoragePage(blocked.get(loginUrl() + "&lti_storage_target=frame").body());
		HttpResponse<String> parked = blocked.post(tool("/lti/launch"), Map.of("id_token",
				platform.sign(claims(login).build()), "state", login.state(), "lti_storage_target", "frame"));
		String code = java.util.regex.Pattern.compile("name=\"code\" value=\"([^\"]+)\"").matcher(parked.body())
			.results().findFirst().orElseThrow().group(1);

		HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(tool("/lti/launch/confirm")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Sec-Fetch-Site", "cross-site")
			.header("Origin", "https://evil.example")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("state=" + login.state() + "&code=" + code))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertRefused(forged, 403, "not completed from the tool");
	}

	@Test
	void shouldIgnoreASessionTokenInALinkFromAnotherSite() throws Exception {
		Browser blocked = new Browser().blockCookies();
		Login login = Login.fromStoragePage(blocked.get(loginUrl() + "&lti_storage_target=frame").body());
		HttpResponse<String> parked = blocked.post(tool("/lti/launch"), Map.of("id_token",
				platform.sign(claims(login).build()), "state", login.state(), "lti_storage_target", "frame"));
		String home = blocked.submitForm(parked).headers().firstValue("Location").orElseThrow();

		HttpResponse<String> crossSite = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(home)).header("Sec-Fetch-Site", "cross-site").header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(crossSite.statusCode()).isEqualTo(401);
		assertThat(blocked.get(home).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAFormPostedFromAnotherSiteWithAClearPage() throws Exception {
		Login login = login();
		launch(platform.sign(claims(login).build()), login.state());
		String cookie = "__Host-ca_session=" + this.browser.cookie("localhost", "__Host-ca_session");

		HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(tool("/exercises/ex-listening-log/reflection/submit")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Cookie", cookie)
			.header("Sec-Fetch-Site", "cross-site")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("text=forged"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("This change was not sent from Coach Approach");
	}

	@Test
	void shouldRefuseAnOverlongLoginParameter() {
		HttpResponse<String> response = this.browser.get(loginUrl().replace("login_hint=learner-42", "login_hint=" + "x".repeat(1200)));

		assertRefused(response, 400, "longer than the tool accepts");
	}

	@Test
	void shouldSendTheBrowserToThePlatformWithStateAndNonce() {
		HttpResponse<String> response = this.browser.get(loginUrl());

		assertThat(response.statusCode()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(platform.authorizeUrl() + "?");
		assertThat(Browser.queryParameter(location, "scope")).isEqualTo("openid");
		assertThat(Browser.queryParameter(location, "response_type")).isEqualTo("id_token");
		assertThat(Browser.queryParameter(location, "response_mode")).isEqualTo("form_post");
		assertThat(Browser.queryParameter(location, "prompt")).isEqualTo("none");
		assertThat(Browser.queryParameter(location, "client_id")).isEqualTo(TestPlatform.CLIENT_ID);
		assertThat(Browser.queryParameter(location, "redirect_uri")).isEqualTo(tool("/lti/launch"));
		assertThat(Browser.queryParameter(location, "login_hint")).isEqualTo("learner-42");
		assertThat(Browser.queryParameter(location, "lti_message_hint")).isEqualTo("hint-1");
		String state = Browser.queryParameter(location, "state");
		assertThat(state).hasSize(43);
		assertThat(response.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
			.startsWith("__Host-lti_state_" + state + "=").contains("Path=/").contains("Secure").contains("HttpOnly").contains("SameSite=None"));
	}

	@Test
	void shouldAcceptLoginInitiationByPost() {
		HttpResponse<String> response = this.browser.post(tool("/lti/login"),
				Map.of("iss", TestPlatform.ISSUER, "login_hint", "learner-42", "target_link_uri", tool("/lti/launch"),
						"client_id", TestPlatform.CLIENT_ID));

		assertThat(response.statusCode()).isEqualTo(302);
	}

	@Test
	void shouldRefuseLoginFromAnUnknownPlatform() {
		HttpResponse<String> response = this.browser.get(tool("/lti/login?iss=https%3A%2F%2Fevil.example&login_hint=x&target_link_uri="
				+ tool("/lti/launch")));

		assertRefused(response, 403, "is not registered with the tool");
	}

	@Test
	void shouldRefuseABadSignature() {
		Login login = login();
		String forged = TestPlatform.sign(claims(login).build(), TestPlatform.newKey(), platform.signingKey().getKeyID());

		assertRefusedWithoutSideEffects(() -> launch(forged, login.state()), 401, "signature is not valid");
	}

	@Test
	void shouldRefuseAnUnsignedToken() {
		Login login = login();
		String none = new PlainJWT(claims(login).build()).serialize();

		assertRefusedWithoutSideEffects(() -> launch(none, login.state()), 401, "is not signed");
	}

	@Test
	void shouldRefuseHs256SignedWithThePlatformsPublicKey() throws Exception {
		Login login = login();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(platform.signingKey().getKeyID())
			.type(JOSEObjectType.JWT).build(), claims(login).build());
		jwt.sign(new MACSigner(platform.signingKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));

		assertRefusedWithoutSideEffects(() -> launch(jwt.serialize(), login.state()), 401, "algorithm the tool does not accept");
	}

	@Test
	void shouldRefuseAnUnknownKeyAfterRefetchingTheKeys() {
		Login login = login();
		int fetchesBefore = platform.jwksRequests();
		String token = TestPlatform.sign(claims(login).build(), TestPlatform.newKey(), "no-such-kid");

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 401, "key the platform does not publish");
		assertThat(platform.jwksRequests()).isGreaterThan(fetchesBefore);
	}

	@Test
	void shouldAcceptAKeyThePlatformRotatedTo() {
		launchAs(login -> platform.sign(claims(login).build()));
		platform.rotate();

		assertThat(launchAs(login -> platform.sign(claims(login).build())).statusCode()).isEqualTo(302);
	}

	@Test
	void shouldRefuseAnExpiredToken() {
		Login login = login();
		Instant past = Instant.now().minusSeconds(3600);
		String token = platform.sign(claims(login).issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 401, "has expired");
	}

	@Test
	void shouldAcceptSmallClockSkewButRefuseATokenFromTheFuture() {
		assertThat(launchAs(login -> platform.sign(claims(login).issueTime(Date.from(Instant.now().plusSeconds(20))).build()))
			.statusCode()).isEqualTo(302);

		Login login = login();
		String token = platform.sign(claims(login).issueTime(Date.from(Instant.now().plusSeconds(600))).build());
		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 401, "dated in the future");
	}

	@Test
	void shouldRefuseAWrongAudience() {
		Login login = login();
		String token = platform.sign(claims(login).audience("another-tool").build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 401, "issued for another tool");
	}

	@Test
	void shouldAcceptSeveralAudiencesOnlyWithAnAuthorizedParty() {
		Login login = login();
		String token = platform.sign(claims(login).audience(List.of(TestPlatform.CLIENT_ID, "other")).build());
		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 401, "no authorized party");

		assertThat(launchAs(l -> platform.sign(claims(l).audience(List.of(TestPlatform.CLIENT_ID, "other"))
			.claim("azp", TestPlatform.CLIENT_ID).build())).statusCode()).isEqualTo(302);
	}

	@Test
	void shouldRefuseAReplayedNonce() {
		Login first = login();
		HttpResponse<String> accepted = launch(platform.sign(claims(first).build()), first.state());
		assertThat(accepted.statusCode()).isEqualTo(302);

		Login second = login();
		String replay = platform.sign(claims(second).claim("nonce", first.nonce()).build());
		assertRefusedWithoutSideEffects(() -> launch(replay, second.state()), 401, "already used");
	}

	@Test
	void shouldRefuseTheSameLaunchPostedTwice() {
		Login login = login();
		String token = platform.sign(claims(login).build());
		assertThat(launch(token, login.state()).statusCode()).isEqualTo(302);

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 401, "expired or was already used");
	}

	@Test
	void shouldRefuseAMissingState() {
		Login login = login();
		String token = platform.sign(claims(login).build());

		assertRefusedWithoutSideEffects(() -> this.browser.post(tool("/lti/launch"), Map.of("id_token", token)), 400,
				"did not say which sign-in");
	}

	@Test
	void shouldRefuseAStateThatNoLoginBegan() {
		Login login = login();
		String token = platform.sign(claims(login).build());

		assertRefusedWithoutSideEffects(() -> launch(token, "A".repeat(43)), 401, "expired or was already used");
	}

	@Test
	void shouldRefuseANonceFromAnotherLogin() {
		Login login = login();
		String token = platform.sign(claims(login).claim("nonce", "someone-elses-nonce").build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 401, "does not belong to this sign-in");
	}

	@Test
	void shouldRefuseAnUnknownIssuer() {
		Login login = login();
		String token = platform.sign(claims(login).issuer("https://evil.example").build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 403, "not registered with the tool");
	}

	@Test
	void shouldRefuseAnUnknownDeployment() {
		Login login = login();
		String token = platform.sign(claims(login).claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "d-x").build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 403, "installation of the tool is not registered");
	}

	@Test
	void shouldAcceptAndRememberANewDeploymentWhenTheRegistrationAllowsIt() {
		this.registrations.register(new RegistrationRequest(TestPlatform.ISSUER, TestPlatform.CLIENT_ID, "Test platform",
				platform.authorizeUrl(), null, platform.jwksUrl(), List.of(), true, Set.of(), "test"));
		try {
			HttpResponse<String> response = launchAs(l -> platform
				.sign(claims(l).claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "course-install-9").build()));
			assertThat(response.statusCode()).isEqualTo(302);
			assertThat(this.registrations.deployments(this.registrations.find(TestPlatform.ISSUER, TestPlatform.CLIENT_ID)
				.orElseThrow())).contains("course-install-9");
		}
		finally {
			this.registrations.register(new RegistrationRequest(TestPlatform.ISSUER, TestPlatform.CLIENT_ID,
					"Test platform", platform.authorizeUrl(), null, platform.jwksUrl(), List.of(), false, Set.of(), "test"));
		}
	}

	@Test
	void shouldRefuseAnotherLtiVersion() {
		Login login = login();
		String token = platform.sign(claims(login).claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.1").build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 400, "version other than 1.3");
	}

	@Test
	void shouldRefuseAnUnknownMessageType() {
		Login login = login();
		String token = platform.sign(claims(login).claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiStartProctoring").build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 400, "does not support this kind of launch");
	}

	@Test
	void shouldRefuseAMissingRequiredClaim() {
		Login login = login();
		String token = platform.sign(claims(login).claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", null).build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 400, "lacks information the tool needs");
	}

	@Test
	void shouldRefuseATargetOutsideTheTool() {
		Login login = login();
		String token = platform.sign(claims(login)
			.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", "https://evil.example/lti/launch").build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 400, "points to another tool");
	}

	@Test
	void shouldRefuseMalformedTokenText() {
		Login login = login();

		assertRefusedWithoutSideEffects(() -> launch("not.a.jwt!", login.state()), 400, "could not be read");
	}

	@Test
	void shouldRefuseAnOversizedToken() {
		Login login = login();
		String token = platform.sign(claims(login).claim("padding", "x".repeat(40_000)).build());

		assertRefusedWithoutSideEffects(() -> launch(token, login.state()), 400, "too large");
	}

	@Test
	void shouldOfferANewWindowWhenCookiesAreBlockedAndThereIsNoPlatformStorage() {
		Browser blocked = new Browser().blockCookies();
		long sessionsBefore = sessions();
		HttpResponse<String> started = blocked.get(loginUrl());
		Login login = Login.from(started);
		String token = platform.sign(claims(login).build());

		HttpResponse<String> response = blocked.post(tool("/lti/launch"), Map.of("id_token", token, "state", login.state()));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Open in a new window").contains("/lti/login?iss=");
		assertThat(sessions()).isEqualTo(sessionsBefore);
	}

	@Test
	void shouldCompleteACookielessLaunchThroughPlatformStorage() {
		Browser blocked = new Browser().blockCookies();
		HttpResponse<String> started = blocked.get(loginUrl() + "&lti_storage_target=post_message_forwarding");
		assertThat(started.statusCode()).isEqualTo(200);
		assertThat(started.body()).contains("data-step=\"login\"").contains("data-storage-target=\"post_message_forwarding\"");
		Login login = Login.fromStoragePage(started.body());
		String token = platform.sign(claims(login).build());

		HttpResponse<String> parked = blocked.post(tool("/lti/launch"),
				Map.of("id_token", token, "state", login.state(), "lti_storage_target", "post_message_forwarding"));
		assertThat(parked.statusCode()).isEqualTo(200);
		assertThat(parked.body()).contains("data-step=\"launch\"");

		// What the page's script does once the platform's storage returned the state:
		HttpResponse<String> confirmed = blocked.submitForm(parked);
		assertThat(confirmed.statusCode()).isEqualTo(302);
		String location = confirmed.headers().firstValue("Location").orElseThrow();
		assertThat(location).isEqualTo(tool("/?s=") + Browser.queryParameter(location, "s"));
		HttpResponse<String> home = blocked.follow(confirmed);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Welcome, Dana Mentor").contains("/css/app.css\"");
	}

	@Test
	void shouldRefuseAConfirmationWithTheWrongCode() {
		Browser blocked = new Browser().blockCookies();
		long sessionsBefore = sessions();
		Login login = Login.fromStoragePage(blocked.get(loginUrl() + "&lti_storage_target=frame").body());
		blocked.post(tool("/lti/launch"), Map.of("id_token", platform.sign(claims(login).build()), "state", login.state(),
				"lti_storage_target", "frame"));

		assertRefused(blocked.post(tool("/lti/launch/confirm"), Map.of("state", login.state(), "code", "guess")), 401,
				"does not belong to this launch");
		assertThat(sessions()).isEqualTo(sessionsBefore);
	}

	@Test
	void shouldNotShowPagesWithoutASession() {
		HttpResponse<String> response = new Browser().get(tool("/"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Please open Coach Approach from your course");
	}

	@Test
	void shouldPublishTheToolKeys() {
		HttpResponse<String> response = this.browser.get(tool("/lti/jwks"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"kty\":\"RSA\"").contains("\"alg\":\"RS256\"").contains("\"use\":\"sig\"")
			.doesNotContain("\"d\":");
	}

	private HttpResponse<String> launchAs(java.util.function.Function<Login, String> token) {
		Login login = login();
		return launch(token.apply(login), login.state());
	}

	private Login login() {
		return Login.from(this.browser.get(loginUrl()));
	}

	private String loginUrl() {
		return tool("/lti/login?iss=" + TestPlatform.ISSUER + "&login_hint=learner-42&lti_message_hint=hint-1&client_id="
				+ TestPlatform.CLIENT_ID + "&lti_deployment_id=" + TestPlatform.DEPLOYMENT_ID + "&target_link_uri="
				+ tool("/lti/launch"));
	}

	private HttpResponse<String> launch(String idToken, String state) {
		return this.browser.post(tool("/lti/launch"), Map.of("id_token", idToken, "state", state));
	}

	private JWTClaimsSet.Builder claims(Login login) {
		return platform.validClaims(login.nonce(), tool("/lti/launch"));
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

	private long sessions() {
		return this.jdbc.sql("SELECT COUNT(*) FROM access_session").query(Long.class).single();
	}

	private void assertRefusedWithoutSideEffects(java.util.function.Supplier<HttpResponse<String>> attempt, int status,
			String reason) {
		long persons = this.jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single();
		long sessions = sessions();
		assertRefused(attempt.get(), status, reason);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM person").query(Long.class).single()).isEqualTo(persons);
		assertThat(sessions()).isEqualTo(sessions);
	}

	private static void assertRefused(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).isEqualTo(status);
		// The reference is the request's id, as in the X-Request-Id header and the log line.
		assertThat(response.body()).contains(reason).containsPattern("Reference:</span> <code>[0-9a-f]{16}</code>")
			.contains("<code>" + response.headers().firstValue("X-Request-Id").orElseThrow() + "</code>");
		assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("__Host-ca_session="));
	}

	record Login(String state, String nonce) {

		static Login from(HttpResponse<String> response) {
			String location = response.headers().firstValue("Location").orElseThrow(
					() -> new AssertionError("login did not redirect: " + response.statusCode() + " " + response.body()));
			return new Login(Browser.queryParameter(location, "state"), Browser.queryParameter(location, "nonce"));
		}

		static Login fromStoragePage(String html) {
			return new Login(attribute(html, "data-state"), attribute(html, "data-nonce"));
		}

		private static String attribute(String html, String name) {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + "=\"([^\"]+)\"").matcher(html);
			if (!m.find()) {
				throw new AssertionError(name + " not in page");
			}
			return m.group(1);
		}

	}

}
