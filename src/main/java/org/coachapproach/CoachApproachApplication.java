package org.coachapproach;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CoachApproachApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(CoachApproachApplication.class, args);
		if (context.getEnvironment().containsProperty("coachapproach.lti.register")) {
			// A command run (see lti-config/README.md): done once the runners have run.
			System.exit(SpringApplication.exit(context));
		}
	}

}
