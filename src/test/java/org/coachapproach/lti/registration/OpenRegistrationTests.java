package org.coachapproach.lti.registration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a registration secret (the default), Dynamic Registration is for this machine only:
 * a request from elsewhere (here, through a proxy on this machine that names the client) is
 * refused before the tool contacts any platform.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenRegistrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldRefuseARegistrationFromAnotherMachineWithoutASecret() throws Exception {
		int before = registrations();

		HttpResponse<String> fromElsewhere = register("203.0.113.7");

		assertThat(fromElsewhere.statusCode()).isEqualTo(403);
		assertThat(fromElsewhere.body()).contains("Registering a platform from another machine needs a registration key");
		assertThat(registrations()).isEqualTo(before);
		// From this machine the same request goes on to the platform (which wants its registration token).
		assertThat(register(null).body()).doesNotContain("from another machine");
	}

	private HttpResponse<String> register(String forwardedFor) throws Exception {
		String configuration = "http://127.0.0.1:" + this.port + "/demo/.well-known/openid-configuration";
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/lti/register?openid_configuration=" + configuration));
		if (forwardedFor != null) {
			request.header("X-Forwarded-For", forwardedFor);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int registrations() {
		return this.jdbc.sql("SELECT COUNT(*) FROM lti_registration").query(Integer.class).single();
	}

}
