package org.coachapproach.demoplatform.course;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the platform's scripts and styles under {@code /demo/assets/}, beside its pages, so
 * that everything of the platform's lives under {@code /demo/} whatever the tool does with
 * other paths; and lets only requests made on this machine in there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class DemoPlatformWebConfiguration implements WebMvcConfigurer {

	static final String ASSETS = "/demo/assets/";

	private static final Logger log = LoggerFactory.getLogger(DemoPlatformWebConfiguration.class);

	private final DemoSites sites;

	DemoPlatformWebConfiguration(DemoSites sites) {
		this.sites = sites;
	}

	@Bean
	FilterRegistrationBean<ThisMachineOnlyFilter> demoPlatformThisMachineOnly() {
		FilterRegistrationBean<ThisMachineOnlyFilter> registration = new FilterRegistrationBean<>(
				new ThisMachineOnlyFilter());
		registration.addUrlPatterns("/demo", "/demo/*");
		// Before anything else looks at the request (sessions, security headers, the tool's own filters).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnThatTheDemoIsOn() {
		String where = this.sites.known() ? " at " + this.sites.platform("/demo") : "";
		log.warn("Demo platform ON{}: it lets anyone in as any demo person, program staff included, so it answers "
				+ "only requests made directly on this machine (loopback, no proxy). Never for a deployment.", where);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(ASSETS + "**").addResourceLocations("classpath:/static/demoplatform/");
	}

}
