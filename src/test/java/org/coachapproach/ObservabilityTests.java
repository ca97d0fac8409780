package org.coachapproach;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations over real HTTP: the metrics only for the operator's token and with the tool's
 * meters, and one correlation id per request in the response header, on the page and in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

	private static final Pattern REFERENCE = Pattern.compile("Reference:</span> <code>([^<]+)</code>");

	@LocalServerPort
	int port;

	@Value("${coachapproach.management.token}")
	String token;

	@Autowired
	MeterRegistry registry;

	@Test
	void shouldRefuseTheMetricsWithoutTheManagementToken() throws Exception {
		HttpResponse<String> none = send(get("/actuator/prometheus"));
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(none.body()).doesNotContain("jvm_memory");

		for (String authorization : new String[] { "Bearer wrong-token-of-the-same-sort-0123456789ab",
				"Bearer " + this.token + "x", "Basic " + this.token }) {
			HttpResponse<String> wrong = send(get("/actuator/prometheus").header("Authorization", authorization));
			assertThat(wrong.statusCode()).as(authorization).isEqualTo(403);
			assertThat(wrong.body()).as(authorization).doesNotContain("jvm_memory");
		}
	}

	@Test
	void shouldServeTheToolsMetersWithTheManagementToken() throws Exception {
		// A refusal first, so that its counter exists.
		send(launchWithoutState(null));

		HttpResponse<String> response = send(get("/actuator/prometheus").header("Authorization", "Bearer " + this.token));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("coachapproach_launches_total ")
			.contains("coachapproach_launch_refusals_total{reason=\"missing_state\"}")
			.contains("coachapproach_outbox_depth{outbox=\"lti_score\"}")
			.contains("coachapproach_outbox_depth{outbox=\"outreach_outbox\"}")
			.contains("coachapproach_outbox_oldest_age_seconds{outbox=\"lti_score\"}")
			.contains("coachapproach_outbox_oldest_age_seconds{outbox=\"outreach_outbox\"}")
			.contains("coachapproach_survey_submissions_total ")
			.contains("jvm_memory_used_bytes")
			.contains("hikaricp_connections_active")
			.contains("http_server_requests_seconds");
	}

	@Test
	void shouldCountARefusedLaunchByReasonAndShowItsReferenceAsLogged(CapturedOutput output) throws Exception {
		double before = refusals("missing_state");

		HttpResponse<String> response = send(launchWithoutState(null));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(refusals("missing_state")).isEqualTo(before + 1);
		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(reference(response)).isEqualTo(id);
		assertThat(output.getOut()).containsPattern("\\[" + id + "\\] .*refused missing_state");
	}

	@Test
	void shouldShowTheRequestIdOnTheErrorPage() throws Exception {
		// A page without a session: error.html says to open the tool from the course.
		HttpResponse<String> signedOut = send(get("/no-such-page").header("Accept", "text/html"));
		assertThat(signedOut.statusCode()).isEqualTo(401);
		assertThat(reference(signedOut)).isEqualTo(signedOut.headers().firstValue("X-Request-Id").orElseThrow());

		// The container's error dispatch (a filter's refusal) shows the same id as the header.
		HttpResponse<String> refused = send(get("/actuator/prometheus").header("Accept", "text/html"));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(reference(refused)).isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());
	}

	@Test
	void shouldKeepAProxysPlainRequestIdAndReplaceAnyOther() throws Exception {
		HttpResponse<String> kept = send(launchWithoutState("lb-0123456789abcdef"));
		assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("lb-0123456789abcdef");
		assertThat(reference(kept)).isEqualTo("lb-0123456789abcdef");

		for (String forged : new String[] { "abc\"><script>alert(1)</script>", "id with spaces 0123",
				"x".repeat(65), "short", "line%0d%0abreak-0123456789" }) {
			HttpResponse<String> replaced = send(launchWithoutState(forged));
			String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(id).as(forged).isNotEqualTo(forged).matches("[0-9a-f]{16}");
			assertThat(reference(replaced)).as(forged).isEqualTo(id);
			assertThat(replaced.body()).as(forged).doesNotContain("<script>alert");
		}
	}

	private double refusals(String reason) {
		Counter counter = this.registry.find("coachapproach.launch.refusals").tag("reason", reason).counter();
		return counter == null ? 0 : counter.count();
	}

	private HttpRequest.Builder launchWithoutState(String requestId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/lti/launch"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("id_token=x"));
		return requestId == null ? request : request.header("X-Request-Id", requestId);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String reference(HttpResponse<String> response) {
		Matcher matcher = REFERENCE.matcher(response.body());
		assertThat(matcher.find()).as(response.body()).isTrue();
		return matcher.group(1);
	}

}
