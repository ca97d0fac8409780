package org.coachapproach.lti;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no proxy configured as trusted (the default), forwarding headers are anyone's to send
 * and change nothing, even from this machine: the tool keeps the address it was reached at.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UntrustedForwardedHeadersTests {

	@LocalServerPort
	int port;

	@Test
	void shouldIgnoreForwardingHeadersFromAPeerNotConfiguredAsAProxy() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/lti/canvas-developer-key.json"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "coach.example.edu")
				.header("X-Forwarded-Port", "443")
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"oidc_initiation_url\" : \"http://localhost:" + this.port + "/lti/login\"")
			.doesNotContain("coach.example.edu");
	}

}
