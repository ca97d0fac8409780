package org.coachapproach.demoplatform.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the platform's scripts and styles under {@code /demo/assets/}, beside its pages, so
 * that everything of the platform's lives under {@code /demo/} whatever the tool does with
 * other paths.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class DemoPlatformWebConfiguration implements WebMvcConfigurer {

	static final String ASSETS = "/demo/assets/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(ASSETS + "**").addResourceLocations("classpath:/static/demoplatform/");
	}

}
