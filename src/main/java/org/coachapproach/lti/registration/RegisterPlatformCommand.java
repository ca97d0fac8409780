package org.coachapproach.lti.registration;

import java.nio.file.Path;

import org.coachapproach.lti.LtiProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The registration command: {@code --coachapproach.lti.register=<file.yml>} registers the platform
 * the file describes and prints the result; the application then exits (status 1 with the
 * problems on a bad file).
 */
@Component
@Order(1)
@ConditionalOnProperty("coachapproach.lti.register")
class RegisterPlatformCommand implements ApplicationRunner, ExitCodeGenerator {

	private final RegistrationFiles files;

	private final Registrations registrations;

	private final Path file;

	private int exitCode;

	RegisterPlatformCommand(RegistrationFiles files, Registrations registrations,
			LtiProperties properties) {
		this.files = files;
		this.registrations = registrations;
		this.file = properties.lti().register();
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			Registration registration = this.files.register(this.file, "command");
			System.out.printf("Registered %s, client %s, deployments %s%n", registration.issuer(),
					registration.clientId(), this.registrations.deployments(registration));
		}
		catch (InvalidRegistrationException ex) {
			ex.problems().forEach(System.err::println);
			this.exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
