package org.coachapproach.lti.registration;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.coachapproach.OtherAddresses;
import org.coachapproach.demoplatform.DemoPlatform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a registration secret (the default), Dynamic Registration is for this machine only:
 * a request from elsewhere, or one that came through a proxy (which relays other machines'
 * requests over loopback), is refused before the tool contacts any platform, whatever its
 * forwarding headers claim.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenRegistrationTests {

	static final String REFUSAL = "Without a registration key, only a platform on the tool";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoPlatform demo;

	@BeforeEach
	void awaitTheDemoPlatformsOwnRegistration() {
		// It registers the tool in the background at start-up: a row the counts below must not see arrive.
		this.demo.awaitRegistration(Duration.ofSeconds(30));
	}

	@Test
	void shouldRefuseARegistrationThroughAProxyWithoutASecret() throws Exception {
		int before = registrations();

		HttpResponse<String> fromElsewhere = register(localhost(), Map.of("X-Forwarded-For", "203.0.113.7"));

		assertThat(fromElsewhere.statusCode()).isEqualTo(403);
		assertThat(fromElsewhere.body()).contains(REFUSAL, "coachapproach.lti.registration-secret");
		assertThat(registrations()).isEqualTo(before);
		// From this machine the same request goes on to the platform (which wants its registration token).
		HttpResponse<String> direct = register(localhost(), Map.of());
		assertThat(direct.statusCode()).isNotEqualTo(403);
		assertThat(direct.body()).doesNotContain(REFUSAL);
	}

	@Test
	void shouldRefuseAForgedLoopbackClientOnALoopbackConnection() throws Exception {
		int before = registrations();

		for (Map<String, String> forged : forgedLoopbackClients()) {
			HttpResponse<String> response = register(localhost(), forged);

			assertThat(response.statusCode()).as("%s", forged).isEqualTo(403);
			assertThat(response.body()).as("%s", forged).contains(REFUSAL);
		}
		assertThat(registrations()).isEqualTo(before);
	}

	@Test
	void shouldRefuseAPeerThatIsNotLoopbackWhateverItsHeadersSay() throws Exception {
		int before = registrations();

		for (InetAddress address : OtherAddresses.require()) {
			URI base = OtherAddresses.url(address, this.port, "");
			assertThat(register(base, Map.of()).statusCode()).as("%s", address).isEqualTo(403);
			for (Map<String, String> forged : forgedLoopbackClients()) {
				HttpResponse<String> response = register(base, forged);

				assertThat(response.statusCode()).as("%s %s", address, forged).isEqualTo(403);
				assertThat(response.body()).as("%s %s", address, forged).contains(REFUSAL);
			}
		}
		assertThat(registrations()).isEqualTo(before);
	}

	/**
	 * A reverse proxy on this machine (nginx's plain {@code proxy_pass}) relays an outsider's
	 * request over loopback with no forwarding header: it looks direct. It cannot put the
	 * outsider's platform on this machine, so a platform elsewhere is refused without a secret.
	 */
	@Test
	void shouldRefuseAPlatformNotOnThisMachineWithoutASecretEvenFromLoopback() throws Exception {
		int before = registrations();
		for (String configuration : List.of("https://platform.example.edu/.well-known/openid-configuration",
				"https://127.0.0.1.example.com/.well-known/openid-configuration", "http://10.0.0.5/config")) {
			HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create(localhost() + "/lti/register?openid_configuration=" + configuration))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(configuration).isEqualTo(403);
			assertThat(response.body()).as(configuration).contains(REFUSAL);
		}
		assertThat(registrations()).isEqualTo(before);
	}

	private static List<Map<String, String>> forgedLoopbackClients() {
		return List.of(Map.of("X-Forwarded-For", "127.0.0.1"), Map.of("Forwarded", "for=127.0.0.1"),
				Map.of("X-Forwarded-For", "::1"), Map.of("X-Real-IP", "127.0.0.1"),
				Map.of("X-Forwarded-Proto", "http"));
	}

	private URI localhost() {
		return URI.create("http://localhost:" + this.port);
	}

	private HttpResponse<String> register(URI base, Map<String, String> headers) throws Exception {
		String configuration = "http://127.0.0.1:" + this.port + "/demo/.well-known/openid-configuration";
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(base + "/lti/register?openid_configuration=" + configuration));
		headers.forEach(request::header);
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int registrations() {
		return this.jdbc.sql("SELECT COUNT(*) FROM lti_registration").query(Integer.class).single();
	}

}
