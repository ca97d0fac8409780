package org.coachapproach.demoplatform.course;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Keeps the demo platform off in a deployment even when asked for: it launches anyone as any
 * demo person, program staff included. A deployment is a configured database ({@code
 * spring.datasource.url}) or a public address ({@code coachapproach.lti.base-url} on a host
 * other than loopback). {@code mvn spring-boot:run} asks for the demo whatever the database, so
 * this warns and goes on without it rather than refusing to start.
 * <p>
 * Runs before the embedded database sets {@code spring.datasource.url} to its own server.
 */
class DemoPlatformSwitch implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "coachapproach.demo.enabled";

	private final Log log;

	DemoPlatformSwitch(DeferredLogFactory logs) {
		this.log = logs.getLog(DemoPlatformSwitch.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(ENABLED, Boolean.class, false)) {
			return;
		}
		Optional<String> deployment = deployment(environment);
		if (deployment.isPresent()) {
			this.log.warn("Demo platform requested (profile 'demo' or " + ENABLED + "=true) but left OFF: "
					+ deployment.get() + ", so this is a deployment, where it would let anyone in as program staff");
			environment.getPropertySources()
				.addFirst(new MapPropertySource("demoPlatformOff", Map.of(ENABLED, "false")));
		}
	}

	/** Why the environment is a deployment, if it is one. */
	static Optional<String> deployment(ConfigurableEnvironment environment) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				&& !environment.getProperty("coachapproach.embedded-db.active", Boolean.class, false)) {
			return Optional.of("spring.datasource.url is set");
		}
		String baseUrl = environment.getProperty("coachapproach.lti.base-url");
		if (StringUtils.hasText(baseUrl) && !isLoopbackUrl(baseUrl.strip())) {
			return Optional.of("coachapproach.lti.base-url is " + baseUrl.strip());
		}
		return Optional.empty();
	}

	private static boolean isLoopbackUrl(String url) {
		try {
			String host = URI.create(url).getHost();
			return host != null && (host.equalsIgnoreCase("localhost") || host.matches("127(\\.\\d{1,3}){3}")
					|| host.equals("[::1]"));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public int getOrder() {
		// Before EmbeddedMariaDbEnvironment (lowest precedence), so that a datasource URL is the operator's.
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
