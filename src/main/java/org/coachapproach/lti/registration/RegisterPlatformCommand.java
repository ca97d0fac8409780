package org.coachapproach.lti.registration;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The registration command: {@code --coachapproach.lti.register=<file.yml>} registers the platform
 * the file describes, prints the result and exits (status 1 with the problems on a bad file).
 */
@Component
@Order(1)
@ConditionalOnProperty("coachapproach.lti.register")
class RegisterPlatformCommand implements ApplicationRunner {

	private final RegistrationFiles files;

	private final Registrations registrations;

	private final ApplicationContext context;

	private final Path file;

	RegisterPlatformCommand(RegistrationFiles files, Registrations registrations, ApplicationContext context,
			@Value("${coachapproach.lti.register}") Path file) {
		this.files = files;
		this.registrations = registrations;
		this.context = context;
		this.file = file;
	}

	@Override
	public void run(ApplicationArguments args) {
		int status = 0;
		try {
			Registration registration = this.files.register(this.file, "command");
			System.out.printf("Registered %s, client %s, deployments %s%n", registration.issuer(),
					registration.clientId(), this.registrations.deployments(registration));
		}
		catch (InvalidRegistrationException ex) {
			ex.problems().forEach(System.err::println);
			status = 1;
		}
		int exit = status;
		System.exit(SpringApplication.exit(this.context, () -> exit));
	}

}
