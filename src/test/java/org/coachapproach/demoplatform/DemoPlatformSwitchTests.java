package org.coachapproach.demoplatform;

import java.util.Arrays;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Off means absent: with {@code coachapproach.demo.enabled=false} none of its beans exist. */
@SpringBootTest(properties = "coachapproach.demo.enabled=false")
class DemoPlatformSwitchTests {

	@Autowired
	ApplicationContext context;

	@Test
	void shouldCreateNoneOfItsBeansWhenSwitchedOff() {
		assertThat(Arrays.stream(this.context.getBeanDefinitionNames())
			.map(this.context::getType)
			.filter(Objects::nonNull)
			.map(Class::getName)
			.filter(name -> name.startsWith("org.coachapproach.demoplatform."))).isEmpty();
	}

}
