package org.coachapproach.demoplatform;

import java.util.Arrays;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the {@code demo} profile on (as in every test) but a public address configured, as a
 * deployment has, the demo platform stays off.
 */
@SpringBootTest(properties = "coachapproach.lti.base-url=https://coach.example.edu")
class DemoPlatformInADeploymentTests {

	@Autowired
	ApplicationContext context;

	@Test
	void shouldStayOffEvenWithTheDemoProfile() {
		assertThat(this.context.getEnvironment().getActiveProfiles()).contains("demo");
		assertThat(this.context.getEnvironment().getProperty("coachapproach.demo.enabled")).isEqualTo("false");
		assertThat(Arrays.stream(this.context.getBeanDefinitionNames())
			.map(this.context::getType)
			.filter(Objects::nonNull)
			.map(Class::getName)
			.filter(name -> name.startsWith("org.coachapproach.demoplatform."))).isEmpty();
	}

}
