package org.coachapproach.demoplatform.course;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo platform's settings bind under their documented names, and a bad one stops the start with a clear message. */
class DemoPlatformPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void shouldDefaultToOffWithUrlsFromThisServerAndPagesOfFifty() {
		this.context.run((started) -> {
			DemoPlatformProperties properties = started.getBean(DemoPlatformProperties.class);
			assertThat(properties.enabled()).isFalse();
			assertThat(properties.platformUrl()).isEmpty();
			assertThat(properties.toolUrl()).isEmpty();
			assertThat(properties.rosterPageSize()).isEqualTo(50);
		});
	}

	@Test
	void shouldBindTheDocumentedPropertyNames() {
		this.context
			.withPropertyValues("coachapproach.demo.enabled=true",
					"coachapproach.demo.platform-url=http://127.0.0.1:9000/",
					"coachapproach.demo.tool-url=http://localhost:9000", "coachapproach.demo.roster-page-size=30")
			.run((started) -> {
				DemoPlatformProperties properties = started.getBean(DemoPlatformProperties.class);
				assertThat(properties.enabled()).isTrue();
				assertThat(properties.platformUrl()).isEqualTo("http://127.0.0.1:9000/");
				assertThat(properties.toolUrl()).isEqualTo("http://localhost:9000");
				assertThat(properties.rosterPageSize()).isEqualTo(30);
			});
	}

	@Test
	void shouldRefuseToStartWithARosterPageSizeBelowOne() {
		this.context.withPropertyValues("coachapproach.demo.roster-page-size=0")
			.run((started) -> assertThat(started).getFailure()
				.rootCause()
				.hasMessageContaining("coachapproach.demo").hasMessageContaining("rosterPageSize")
				.hasMessageContaining("must be greater than or equal to 1"));
	}

	@Test
	void shouldRefuseToStartWithAToolUrlThatIsNoHttpUrl() {
		this.context.withPropertyValues("coachapproach.demo.tool-url=localhost:8080")
			.run((started) -> assertThat(started).getFailure()
				.rootCause()
				.hasMessageContaining("coachapproach.demo").hasMessageContaining("toolUrl")
				.hasMessageContaining("must be empty or an http(s) URL"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(DemoPlatformProperties.class)
	static class Settings {

	}

}
