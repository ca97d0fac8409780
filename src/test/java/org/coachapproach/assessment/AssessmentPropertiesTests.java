package org.coachapproach.assessment;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The self-assessments' settings: the names and defaults operators use, checked at start-up. */
class AssessmentPropertiesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Test
	void shouldKeepTheDefaultsOperatorsKnow() {
		this.context.run((context) -> {
			AssessmentProperties properties = context.getBean(AssessmentProperties.class);
			assertThat(properties.demoContextId()).isEqualTo("c5d3a0e2-7b1f-4d9a-8e62-3f0b9c4a1d57");
			assertThat(properties.pseudonymKey()).isEmpty();
		});
	}

	@Test
	void shouldBindTheExistingPropertyNames() {
		this.context
			.withPropertyValues("coachapproach.assessment.demo-context-id=course-42",
					"coachapproach.assessment.pseudonym-key=c2VjcmV0")
			.run((context) -> {
				AssessmentProperties properties = context.getBean(AssessmentProperties.class);
				assertThat(properties.demoContextId()).isEqualTo("course-42");
				assertThat(properties.pseudonymKey()).isEqualTo("c2VjcmV0");
				assertThat(properties.toString()).doesNotContain("c2VjcmV0");
			});
	}

	@Test
	void shouldRefuseToStartWithABlankDemoCourse() {
		this.context.withPropertyValues("coachapproach.assessment.demo-context-id= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("demoContextId"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AssessmentProperties.class)
	static class Settings {

	}

}
