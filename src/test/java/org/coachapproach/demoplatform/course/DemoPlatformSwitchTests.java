package org.coachapproach.demoplatform.course;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Asked for in a deployment, the demo platform stays off; asked for on a developer's machine, it is on. */
class DemoPlatformSwitchTests {

	@Test
	void shouldStayOffWithAConfiguredDatabase() {
		assertThat(demoEnabled(Map.of("spring.datasource.url", "jdbc:mariadb://db.example.edu/coach"))).isFalse();
	}

	@Test
	void shouldStayOffWithAPublicBaseUrl() {
		assertThat(demoEnabled(Map.of("coachapproach.lti.base-url", "https://coach.example.edu"))).isFalse();
		assertThat(demoEnabled(Map.of("coachapproach.lti.base-url", "https://127.0.0.1.nip.io"))).isFalse();
	}

	@Test
	void shouldBeOnWithTheEmbeddedDatabaseAndALocalAddress() {
		assertThat(demoEnabled(Map.of())).isTrue();
		assertThat(demoEnabled(Map.of("coachapproach.lti.base-url", "http://localhost:8080"))).isTrue();
		assertThat(demoEnabled(Map.of("coachapproach.lti.base-url", "http://127.0.0.1:8080/"))).isTrue();
		// The embedded server's own URL, should it be set first.
		assertThat(demoEnabled(Map.of("spring.datasource.url", "jdbc:mariadb://127.0.0.1:3307/coachapproach",
				"coachapproach.embedded-db.active", "true"))).isTrue();
	}

	@Test
	void shouldStayOffWhenNotAskedFor() {
		Map<String, Object> properties = new HashMap<>();
		properties.put(DemoPlatformSwitch.ENABLED, "false");
		assertThat(enabledAfterSwitch(properties)).isFalse();
	}

	private static boolean demoEnabled(Map<String, Object> deployment) {
		Map<String, Object> properties = new HashMap<>(deployment);
		properties.put(DemoPlatformSwitch.ENABLED, "true");
		return enabledAfterSwitch(properties);
	}

	private static boolean enabledAfterSwitch(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		new DemoPlatformSwitch(new DeferredLogs()).postProcessEnvironment(environment, null);
		return environment.getProperty(DemoPlatformSwitch.ENABLED, Boolean.class, false);
	}

}
