package org.coachapproach.assessment.internal.responses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.coachapproach.ServerKeys;
import org.coachapproach.assessment.AssessmentProperties;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** With the embedded database the pseudonym key lives in the keys file, never in the database. */
@SpringBootTest
class PseudonymKeyFileTests {

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path directory;

	@Test
	void shouldMoveAKeyTheDatabaseHeldIntoTheFileSoEarlierPseudonymsStayValid() throws Exception {
		byte[] legacy = new byte[32];
		new java.security.SecureRandom().nextBytes(legacy);
		this.jdbc.sql("DELETE FROM assessment_secret").update();
		this.jdbc.sql("INSERT INTO assessment_secret (id, pseudonym_key) VALUES (1, ?)").param(legacy).update();
		Path file = this.directory.resolve("keys.properties");

		byte[] pseudonym = new Pseudonyms(this.jdbc, key(""), file.toString()).of(new CourseId(7), new PersonId(42));

		String kept = Base64.getEncoder().encodeToString(legacy);
		assertThat(pseudonym).isEqualTo(new Pseudonyms(null, key(kept), "").of(new CourseId(7), new PersonId(42)));
		assertThat(ServerKeys.at(file).obtain(ServerKeys.PSEUDONYM_KEY, () -> "not this")).isEqualTo(kept);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM assessment_secret").query(Integer.class).single()).isZero();
	}

	@Test
	void shouldGenerateANewKeyIntoTheFileAndNoneIntoTheDatabase() {
		this.jdbc.sql("DELETE FROM assessment_secret").update();
		Path file = this.directory.resolve("keys.properties");

		byte[] pseudonym = new Pseudonyms(this.jdbc, key(""), file.toString()).of(new CourseId(7), new PersonId(42));

		String kept = ServerKeys.at(file).obtain(ServerKeys.PSEUDONYM_KEY, () -> "not this");
		assertThat(Base64.getDecoder().decode(kept)).hasSize(32);
		assertThat(pseudonym).isEqualTo(new Pseudonyms(null, key(kept), "").of(new CourseId(7), new PersonId(42)));
		assertThat(new Pseudonyms(this.jdbc, key(""), file.toString()).of(new CourseId(7), new PersonId(42))).isEqualTo(pseudonym);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM assessment_secret").query(Integer.class).single()).isZero();
	}

	private static AssessmentProperties key(String pseudonymKey) {
		return new AssessmentProperties(pseudonymKey, "demo-course");
	}

}
