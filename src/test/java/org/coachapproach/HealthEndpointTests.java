package org.coachapproach;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.coachapproach.curriculum.Curriculum;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Health over real HTTP: the status for anyone, the details only with the management token. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HealthEndpointTests {

	@LocalServerPort
	int port;

	@Value("${coachapproach.management.token}")
	String token;

	@Autowired
	Curriculum curriculum;

	@Test
	void shouldReportDatabaseAndCurriculumVersionUpWithTheManagementToken() throws Exception {
		HttpResponse<String> response = get("/actuator/health", "Bearer " + this.token);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = json(response);
		assertThat(health.at("/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/db/details/database").asString()).isEqualTo("MariaDB");
		assertThat(health.at("/components/curriculum/details/contentHash").asString())
			.isEqualTo(this.curriculum.contentHash());
		assertThat(health.at("/components/curriculum/details/version").asString()).isEqualTo("2026.2");
	}

	@Test
	void shouldShowOnlyTheStatusToAnyoneElse() throws Exception {
		for (String authorization : new String[] { null, "Bearer wrong-token-of-the-same-sort-0123456789ab",
				"Bearer " + this.token + "x", "Basic " + this.token }) {
			HttpResponse<String> response = get("/actuator/health", authorization);

			assertThat(response.statusCode()).as(authorization).isEqualTo(200);
			JsonNode health = json(response);
			assertThat(health.at("/status").asString()).as(authorization).isEqualTo("UP");
			assertThat(health.has("components")).as(authorization).isFalse();
			assertThat(health.has("details")).as(authorization).isFalse();
			assertThat(response.body()).as(authorization).doesNotContain("MariaDB").doesNotContain(this.curriculum.contentHash());
		}
	}

	@Test
	void shouldKeepTheProbesPublic() throws Exception {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			HttpResponse<String> response = get(probe, null);

			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(json(response).at("/status").asString()).as(probe).isEqualTo("UP");
		}
		assertThat(get("/actuator/health/db", null).body()).doesNotContain("MariaDB");
	}

	@Test
	void shouldReportReadyWithoutAGaleraClusterAndSayThereIsNone() throws Exception {
		HttpResponse<String> response = get("/actuator/health/readiness", "Bearer " + this.token);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode readiness = json(response);
		assertThat(readiness.at("/components/galera/status").asString()).isEqualTo("UP");
		assertThat(readiness.at("/components/galera/details/cluster").asString()).isEqualTo("none");
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.builder().build().readTree(response.body());
	}

}
