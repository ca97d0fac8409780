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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HealthEndpointTests {

	@LocalServerPort
	int port;

	@Autowired
	Curriculum curriculum;

	@Test
	void shouldReportDatabaseAndCurriculumVersionUp() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode health = JsonMapper.builder().build().readTree(response.body());
		assertThat(health.at("/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/db/details/database").asString()).isEqualTo("MariaDB");
		assertThat(health.at("/components/curriculum/details/contentHash").asString())
			.isEqualTo(this.curriculum.contentHash());
		assertThat(health.at("/components/curriculum/details/version").asString()).isEqualTo("2026.1");
	}

}
