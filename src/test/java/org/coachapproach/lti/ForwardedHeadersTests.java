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
 * Behind a TLS-terminating proxy that the configuration trusts (here one on this machine), every
 * URL the tool publishes uses the public https origin.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.tomcat.remoteip.internal-proxies=127[.]0[.]0[.]1|0:0:0:0:0:0:0:1")
class ForwardedHeadersTests {

	@LocalServerPort
	int port;

	@Test
	void shouldPublishThePublicHttpsOriginFromTheProxysHeaders() throws Exception {
		HttpResponse<String> response = get("/lti/canvas-developer-key.json", "https", "coach.example.edu", "443");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"oidc_initiation_url\" : \"https://coach.example.edu/lti/login\"")
			.contains("\"public_jwk_url\" : \"https://coach.example.edu/lti/jwks\"")
			.doesNotContain("localhost");
	}

	@Test
	void shouldRefusePlainHttpOnAPublicHost() throws Exception {
		HttpResponse<String> response = get("/lti/canvas-developer-key.json", "http", "coach.example.edu", "80");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("reached without https");
	}

	private HttpResponse<String> get(String path, String proto, String host, String port) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("X-Forwarded-Proto", proto)
				.header("X-Forwarded-Host", host)
				.header("X-Forwarded-Port", port)
				.header("Accept", "text/html,application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
