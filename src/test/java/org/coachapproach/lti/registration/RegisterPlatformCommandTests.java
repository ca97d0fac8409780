package org.coachapproach.lti.registration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.coachapproach.CoachApproachApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The registration command, run as the README says: the application with one property. */
class RegisterPlatformCommandTests {

	@TempDir
	Path folder;

	@Test
	void shouldRegisterThePlatformAFileDescribesAndExitWithZero() throws IOException {
		Path file = Files.writeString(this.folder.resolve("lms.yml"), """
				issuer: https://lms.command.example
				client_id: "cmd-1"
				auth_endpoint: https://lms.command.example/auth
				jwks_url: https://lms.command.example/jwks
				deployment_ids: ["d1"]
				""");

		try (ConfigurableApplicationContext context = run(file)) {
			assertThat(context.getBean(Registrations.class).find("https://lms.command.example", "cmd-1")).isPresent();
			assertThat(SpringApplication.exit(context)).isZero();
		}
	}

	@Test
	void shouldExitWithOneOnABadFile() throws IOException {
		Path file = Files.writeString(this.folder.resolve("bad.yml"), "issuer: https://lms.bad.example\n");

		try (ConfigurableApplicationContext context = run(file)) {
			assertThat(context.getBean(Registrations.class).findByIssuer("https://lms.bad.example")).isEmpty();
			assertThat(SpringApplication.exit(context)).isEqualTo(1);
		}
	}

	private static ConfigurableApplicationContext run(Path file) {
		SpringApplication application = new SpringApplication(CoachApproachApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--coachapproach.lti.register=" + file, "--coachapproach.demo.enabled=false");
	}

}
