package org.coachapproach.lti.placement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deep Linking 2.0 over real HTTP with real signed JWTs: the instructor's picker, the signed
 * response (checked against the tool's published JWKS), cancel, refusals, and launches of placed
 * items, including one the curriculum no longer has.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
@SuppressWarnings("unchecked")
class DeepLinkingTests {

	static final String MEMBER = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

	static final String RETURN_URL = "https://platform.test/courses/7/deep_links";

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@BeforeAll
	static void start() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stop() {
		platform.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(this.registrations);
	}

	@Test
	void shouldOfferEverythingAndAnswerWithASignedResponseForTheChosenItems() throws Exception {
		Browser instructor = deepLinkingLaunch("Instructor", true, "opaque-data-42");
		HttpResponse<String> picker = instructor.follow(instructor.get(placementsUrl(instructor)));

		assertThat(picker.statusCode()).isEqualTo(200);
		assertThat(picker.body()).contains("Add Coach Approach content").contains("value=\"session:1\"")
			.contains("value=\"session:7\"").contains("value=\"exercise:ex-listening-log\"")
			.contains("value=\"competency:active-listening\"").contains("value=\"intake\"").contains("value=\"meetings\"")
			.contains("value=\"recording:");

		HttpResponse<String> answered = instructor.post(picker.uri().toString(),
				List.of(Map.entry("item", "session:3"), Map.entry("title.session:3", "Week 3: Agreements"),
						Map.entry("points.session:3", "15"), Map.entry("item", "competency:active-listening"),
						Map.entry("title.competency:active-listening", "Listening, in depth")));

		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.body()).contains("action=\"" + RETURN_URL + "\"");
		JWTClaimsSet claims = verified(jwt(answered.body()));
		assertThat(claims.getIssuer()).isEqualTo(TestPlatform.CLIENT_ID);
		assertThat(claims.getAudience()).containsExactly(TestPlatform.ISSUER);
		assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/message_type")).isEqualTo("LtiDeepLinkingResponse");
		assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/version")).isEqualTo("1.3.0");
		assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id")).isEqualTo(TestPlatform.DEPLOYMENT_ID);
		assertThat(claims.getClaim(DL + "data")).isEqualTo("opaque-data-42");
		assertThat(claims.getStringClaim("nonce")).isNotBlank();
		List<Object> items = claims.getListClaim(DL + "content_items");
		assertThat(items).hasSize(2);
		Map<?, ?> session = (Map<?, ?>) items.get(0);
		assertThat(session.get("type")).isEqualTo("ltiResourceLink");
		assertThat(session.get("title")).isEqualTo("Week 3: Agreements");
		assertThat(session.get("url")).isEqualTo(tool("/lti/launch"));
		assertThat((Map<String, Object>) session.get("custom")).containsEntry("coachapproach_item", "session:3");
		assertThat((Map<String, Object>) session.get("lineItem")).containsEntry("label", "Week 3: Agreements")
			.containsEntry("resourceId", "session:3").containsEntry("tag", "coachapproach");
		assertThat(((Number) ((Map<?, ?>) session.get("lineItem")).get("scoreMaximum")).intValue()).isEqualTo(15);
		Map<?, ?> competency = (Map<?, ?>) items.get(1);
		assertThat(competency.containsKey("lineItem")).isFalse();

		// Each request is answered once.
		assertThat(instructor.post(picker.uri().toString(), List.of(Map.entry("item", "session:1"))).statusCode())
			.isEqualTo(410);
	}

	@Test
	void shouldSearchRecordingsByTitleAndCategory() {
		Browser instructor = deepLinkingLaunch("Instructor", true, null);
		String url = placementsUrl(instructor);
		HttpResponse<String> all = instructor.get(url);
		HttpResponse<String> dei = instructor.get(url + (url.contains("?") ? "&" : "?") + "q=dei");

		assertThat(count(dei.body(), "value=\"recording:")).isPositive()
			.isLessThan(count(all.body(), "value=\"recording:"));
		assertThat(dei.body()).contains("value=\"session:1\"");
	}

	@Test
	void shouldAnswerACancelWithAnEmptyResponse() throws Exception {
		Browser instructor = deepLinkingLaunch("Instructor", true, "d");
		String url = placementsUrl(instructor);

		HttpResponse<String> cancelled = instructor.post(tool(path(url) + "/cancel" + query(url)), Map.of());

		assertThat(cancelled.statusCode()).isEqualTo(200);
		JWTClaimsSet claims = verified(jwt(cancelled.body()));
		assertThat(claims.getListClaim(DL + "content_items")).isEmpty();
		assertThat(claims.getClaim(DL + "data")).isEqualTo("d");
	}

	@Test
	void shouldRefuseBadChoicesWithAClearMessageAndSendNothing() {
		Browser instructor = deepLinkingLaunch("Instructor", false, null);
		String url = placementsUrl(instructor);

		HttpResponse<String> two = instructor.post(url,
				List.of(Map.entry("item", "session:1"), Map.entry("item", "session:2")));
		assertThat(two.statusCode()).isEqualTo(400);
		assertThat(HtmlUtils.htmlUnescape(two.body())).contains("accepts only one item");

		HttpResponse<String> points = instructor.post(url,
				List.of(Map.entry("item", "session:1"), Map.entry("points.session:1", "-3")));
		assertThat(points.statusCode()).isEqualTo(400);
		assertThat(points.body()).contains("Points must be a whole number from 0 to 1000.");

		HttpResponse<String> unknown = instructor.post(url, List.of(Map.entry("item", "session:99")));
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).doesNotContain("name=\"JWT\"");

		assertThat(instructor.post(url, List.of(Map.entry("item", "session:1"))).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseADeepLinkingRequestFromALearnerOrWithoutAReturnUrl() {
		HttpResponse<String> learner = tryDeepLinking("Learner", Map.of("deep_link_return_url", RETURN_URL));
		assertThat(learner.statusCode()).isEqualTo(403);
		assertThat(learner.body()).contains("Only instructors and course designers can add Coach Approach content");

		HttpResponse<String> noReturn = tryDeepLinking("Instructor", Map.of("accept_types", List.of("ltiResourceLink")));
		assertThat(noReturn.statusCode()).isEqualTo(400);
		assertThat(noReturn.body()).contains("without a valid address to return the chosen content to");
	}

	@Test
	void shouldRefuseThePickerToAnyoneButTheInstructorWhoAsked() {
		Browser instructor = deepLinkingLaunch("Instructor", true, null);
		String url = placementsUrl(instructor);
		Browser other = platform.signIn(tool(""), "other-" + UUID.randomUUID(),
				c -> c.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(MEMBER + "Instructor")));

		assertThat(other.get(tool(path(url))).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldOpenThePlacedItemAndExplainAMissingOne() {
		Browser mentor = platform.signIn(tool(""), "mentor-" + UUID.randomUUID(),
				c -> c.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
						Map.of("program_role", "mentor", "coachapproach_item", "session:3")));
		HttpResponse<String> landing = mentor.get(tool("/"));
		assertThat(landing.statusCode()).isEqualTo(200);

		Browser placed = platform.signIn(tool(""), "mentor-" + UUID.randomUUID(), c -> c
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("coachapproach_item", "exercise:ex-listening-log")));
		assertThat(placed.lastLocation()).endsWith("/exercises/ex-listening-log");

		Browser gone = platform.signIn(tool(""), "mentor-" + UUID.randomUUID(), c -> c
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("coachapproach_item", "session:9")));
		HttpResponse<String> missing = gone.get(tool(path(gone.lastLocation())));
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("This content is no longer available").doesNotContain("How to fix this link");

		Browser teacher = platform.signIn(tool(""), "teacher-" + UUID.randomUUID(), c -> c
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(MEMBER + "Instructor"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("coachapproach_item", "session:9")));
		HttpResponse<String> hint = teacher.get(tool(path(teacher.lastLocation())));
		assertThat(hint.body()).contains("How to fix this link").contains("session:9");
	}

	Browser deepLinkingLaunch(String role, boolean acceptMultiple, String data) {
		Map<String, Object> settings = new java.util.HashMap<>(Map.of("deep_link_return_url", RETURN_URL, "accept_types",
				List.of("ltiResourceLink"), "accept_presentation_document_targets", List.of("iframe", "window"),
				"accept_multiple", acceptMultiple, "accept_lineitem", true));
		if (data != null) {
			settings.put("data", data);
		}
		return platform.signIn(tool(""), "teacher-" + UUID.randomUUID(), c -> deepLinking(c, role, settings));
	}

	HttpResponse<String> tryDeepLinking(String role, Map<String, Object> settings) {
		try {
			platform.signIn(tool(""), "teacher-" + UUID.randomUUID(), c -> deepLinking(c, role, settings));
			throw new AssertionError("launch accepted");
		}
		catch (AssertionError ex) {
			if (ex.getMessage().equals("launch accepted")) {
				throw ex;
			}
			Matcher matcher = Pattern.compile("launch refused: (\\d+) ", Pattern.DOTALL).matcher(ex.getMessage());
			assertThat(matcher.find()).as(ex.getMessage()).isTrue();
			return new RefusedLaunch(Integer.parseInt(matcher.group(1)), ex.getMessage());
		}
	}

	static JWTClaimsSet.Builder deepLinking(JWTClaimsSet.Builder claims, String role, Map<String, Object> settings) {
		return claims.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
			.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", null)
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(MEMBER + role))
			.claim(DL + "deep_linking_settings", settings)
			.claim("https://www.instructure.com/placement", "assignment_selection");
	}

	String placementsUrl(Browser browser) {
		String location = browser.lastLocation();
		assertThat(location).contains("/placements/");
		return location.startsWith("http") ? location : tool(location);
	}

	JWTClaimsSet verified(String jwt) throws Exception {
		SignedJWT signed = SignedJWT.parse(jwt);
		String keys = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(tool("/lti/jwks"))).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(signed.verify(new RSASSAVerifier(JWKSet.parse(keys).getKeyByKeyId(signed.getHeader().getKeyID()).toRSAKey())))
			.isTrue();
		return signed.getJWTClaimsSet();
	}

	static String jwt(String page) {
		Matcher matcher = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("page carries a JWT").isTrue();
		return matcher.group(1);
	}

	static String path(String url) {
		URI uri = URI.create(url);
		return uri.getRawPath();
	}

	static String query(String url) {
		URI uri = URI.create(url);
		return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
	}

	String tool(String path) {
		return path.startsWith("http") ? path : "http://localhost:" + this.port + path;
	}

	static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	/** What a refused launch answered, enough for status and text checks. */
	record RefusedLaunch(int status, String text) implements HttpResponse<String> {

		@Override
		public int statusCode() {
			return this.status;
		}

		@Override
		public String body() {
			return this.text;
		}

		@Override
		public HttpRequest request() {
			return null;
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
		}

		@Override
		public URI uri() {
			return null;
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return java.util.Optional.empty();
		}

	}

}
