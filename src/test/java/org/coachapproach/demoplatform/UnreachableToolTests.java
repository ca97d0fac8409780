package org.coachapproach.demoplatform;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool that does not answer (nothing listens on port 1): the platform starts anyway, reports
 * the failed registration and launches nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coachapproach.demo.tool-url=http://localhost:1",
				"coachapproach.lti.registration-secret=s3cret+&=" })
class UnreachableToolTests {

	@LocalServerPort
	int port;

	@Autowired
	DemoPlatform platform;

	PlatformHttp http;

	@BeforeEach
	void setUp() {
		this.http = new PlatformHttp(this.port);
	}

	@Test
	void shouldReportTheFailedRegistration() throws Exception {
		assertThat(this.platform.awaitRegistration(Duration.ofSeconds(30))).isEqualTo(RegistrationState.FAILED);
		assertThat(this.platform.registrationState()).isEqualTo(RegistrationState.FAILED);
		assertThat(this.platform.clientId()).isEmpty();
		assertThat(this.platform.deploymentId()).isEmpty();

		String home = this.http.get("/demo").body();

		assertThat(PlatformHttp.attribute(PlatformHttp.tag(home, "span", "id=\"registration-state\""), "data-state"))
			.isEqualTo("FAILED");
		assertThat(home).contains("the tool did not answer");
	}

	@Test
	void shouldShowTheCoursePageWithoutLaunchingAnything() throws Exception {
		HttpResponse<String> response = this.http.get(this.platform.launchUrl("mentor").toString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("class=\"notice\"").doesNotContain("<iframe");
	}

	@Test
	void shouldNotShowTheRegistrationSecretWithTheFailure() throws Exception {
		HttpResponse<String> answer = this.http.postForm("/demo/tool-registration", Map.of());
		String home = this.http.get("/demo").body();

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(home).contains("the tool did not answer");
		for (String shown : List.of(answer.body(), answer.headers().map().toString(), home)) {
			assertThat(shown).doesNotContain("s3cret");
		}
	}

}
