package org.coachapproach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Where the tool's keys come from: the environment with an external database, a file beside the embedded one. */
class ServerKeysTests {

	@TempDir
	Path directory;

	@Test
	void shouldRefuseToStartWithAnExternalDatabaseAndNoKeysSayingWhatToSet() {
		SpringApplication application = new SpringApplication(CoachApproachApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatIllegalStateException()
			.isThrownBy(() -> application.run("--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/nowhere").close())
			.withMessageContaining(
					"Set COACHAPPROACH_ASSESSMENT_PSEUDONYM_KEY, COACHAPPROACH_LTI_KEY_ENCRYPTION_KEY and COACHAPPROACH_OUTREACH_LINK_KEY")
			.withMessageContaining("openssl rand -base64 32")
			.withMessageContaining("SELECT TO_BASE64(pseudonym_key) FROM assessment_secret");
		assertThatIllegalStateException()
			.isThrownBy(() -> application.run("--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/nowhere",
					"--coachapproach.assessment.pseudonym-key=" + ServerKeys.generate(),
					"--coachapproach.outreach.link-key=" + ServerKeys.generate()).close())
			.withMessageContaining("Set COACHAPPROACH_LTI_KEY_ENCRYPTION_KEY (")
			.withMessageNotContaining("PSEUDONYM")
			.withMessageNotContaining("LINK_KEY");
		assertThatIllegalStateException()
			.isThrownBy(() -> application.run("--spring.datasource.url=jdbc:mariadb://127.0.0.1:9/nowhere",
					"--coachapproach.assessment.pseudonym-key=" + ServerKeys.generate(),
					"--coachapproach.lti.key-encryption-key=" + ServerKeys.generate()).close())
			.withMessageContaining("Set COACHAPPROACH_OUTREACH_LINK_KEY (")
			.withMessageContaining("unsubscribe links and calendar feed addresses");
	}

	@Test
	void shouldGenerateTheEmbeddedDatabasesKeysOnceIntoAFileOfTheOwnersBesideIt() throws Exception {
		Path embedded = this.directory.resolve("mariadb");
		StandardEnvironment first = new StandardEnvironment();

		ServerKeys.fromFile(first, embedded);

		Path file = this.directory.resolve("keys.properties");
		String kek = first.getProperty(ServerKeys.KEY_ENCRYPTION_KEY);
		assertThat(kek).isNotBlank();
		assertThat(java.util.Base64.getDecoder().decode(kek)).hasSize(32);
		assertThat(first.getProperty(ServerKeys.FILE)).isEqualTo(file.toString());
		assertThat(Files.readString(file)).contains(ServerKeys.KEY_ENCRYPTION_KEY + "=").contains(ServerKeys.LINK_KEY + "=");
		String linkKey = first.getProperty(ServerKeys.LINK_KEY);
		assertThat(java.util.Base64.getDecoder().decode(linkKey)).hasSize(32);
		assertThat(linkKey).isNotEqualTo(kek);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		// The pseudonym key is its owner's to make (it may find an older one in the database).
		assertThat(first.getProperty(ServerKeys.PSEUDONYM_KEY)).isNull();
		String pseudonymKey = ServerKeys.at(file).obtain(ServerKeys.PSEUDONYM_KEY, ServerKeys::generate);

		StandardEnvironment restarted = new StandardEnvironment();
		ServerKeys.fromFile(restarted, embedded);
		assertThat(restarted.getProperty(ServerKeys.KEY_ENCRYPTION_KEY)).isEqualTo(kek);
		assertThat(restarted.getProperty(ServerKeys.LINK_KEY)).isEqualTo(linkKey);
		assertThat(restarted.getProperty(ServerKeys.PSEUDONYM_KEY)).isEqualTo(pseudonymKey);
		assertThat(ServerKeys.at(file).obtain(ServerKeys.PSEUDONYM_KEY, () -> "never used")).isEqualTo(pseudonymKey);

		StandardEnvironment configured = new StandardEnvironment();
		configured.getPropertySources().addFirst(new MapPropertySource("set", Map.of(ServerKeys.KEY_ENCRYPTION_KEY, "from-env")));
		ServerKeys.fromFile(configured, embedded);
		assertThat(configured.getProperty(ServerKeys.KEY_ENCRYPTION_KEY)).isEqualTo("from-env");
	}

}
