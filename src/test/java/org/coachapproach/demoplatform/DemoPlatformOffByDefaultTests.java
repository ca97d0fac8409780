package org.coachapproach.demoplatform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Off unless asked for, with the embedded database too: without the {@code demo} profile (as
 * {@code java -jar} starts the tool) none of its beans exist and {@code /demo} is not found.
 * (The other tests turn the profile on in {@code config/application.properties}; this one turns
 * every profile off again.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.profiles.active=")
class DemoPlatformOffByDefaultTests {

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void shouldCreateNoneOfItsBeansWithoutTheDemoProfile() {
		assertThat(this.context.getEnvironment().getActiveProfiles()).isEmpty();
		assertThat(this.context.getEnvironment().getProperty("coachapproach.embedded-db.active")).isEqualTo("true");
		assertThat(Arrays.stream(this.context.getBeanDefinitionNames())
			.map(this.context::getType)
			.filter(Objects::nonNull)
			.map(Class::getName)
			.filter(name -> name.startsWith("org.coachapproach.demoplatform."))).isEmpty();
	}

	@Test
	void shouldAnswerNotFoundAtItsAddress() throws Exception {
		for (String path : new String[] { "/demo", "/demo/.well-known/openid-configuration" }) {
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
						HttpResponse.BodyHandlers.ofString());

			assertThat(answer.statusCode()).as(path).isEqualTo(404);
		}
	}

}
