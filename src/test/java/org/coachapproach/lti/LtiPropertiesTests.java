package org.coachapproach.lti;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The LTI settings keep their names and defaults, and a bad value stops the start naming it. */
class LtiPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void shouldKeepTheDefaults() {
		this.context.run(started -> {
			LtiProperties properties = started.getBean(LtiProperties.class);
			assertThat(properties.lti().baseUrl()).isEmpty();
			assertThat(properties.lti().registrationSecret()).isEmpty();
			assertThat(properties.lti().configLocation().normalize()).isEqualTo(Path.of("lti-config"));
			assertThat(properties.lti().register()).isNull();
			assertThat(properties.lti().keyEncryptionKey()).isEmpty();
			assertThat(properties.lti().keyRotationPeriod()).isEqualTo(Duration.ofDays(90));
			assertThat(properties.lti().retiredKeyRetention()).isEqualTo(Duration.ofHours(2));
			assertThat(properties.lti().clockSkew()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.lti().jwksMaxAge()).isEqualTo(Duration.ofHours(1));
			assertThat(properties.lti().jwksMinRefetch()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.lti().loginLifetime()).isEqualTo(Duration.ofMinutes(10));
			assertThat(properties.rateLimit().login().capacity()).isEqualTo(120);
			assertThat(properties.rateLimit().login().period()).isEqualTo(Duration.ofMinutes(1));
			assertThat(properties.rateLimit().register().capacity()).isEqualTo(10);
			assertThat(properties.rateLimit().register().period()).isEqualTo(Duration.ofMinutes(1));
			assertThat(properties.rateLimit().maxAddresses()).isEqualTo(10_000);
		});
	}

	@Test
	void shouldReadTheSettingsUnderTheirNames() {
		this.context
			.withPropertyValues("coachapproach.lti.clock-skew=PT5S", "coachapproach.lti.register=platform.json",
					"coachapproach.rate-limit.login.capacity=7", "coachapproach.rate-limit.max-addresses=50")
			.run(started -> {
				LtiProperties properties = started.getBean(LtiProperties.class);
				assertThat(properties.lti().clockSkew()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.lti().register()).isEqualTo(Path.of("platform.json"));
				assertThat(properties.rateLimit().login().capacity()).isEqualTo(7);
				assertThat(properties.rateLimit().register().capacity()).isEqualTo(10);
				assertThat(properties.rateLimit().maxAddresses()).isEqualTo(50);
			});
	}

	@Test
	void shouldRefuseToStartWithALimitOfNothing() {
		this.context.withPropertyValues("coachapproach.rate-limit.login.capacity=0")
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("rateLimit.login.capacity"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LtiProperties.class)
	static class Settings {

	}

}
