package org.coachapproach.people;

import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V62/V63 on data made before programs, in a database of its own: two registrations sharing
 * an issuer and a third elsewhere; the institution-level rows go to the first registration's
 * program, courses to their issuer's first registration.
 */
@SpringBootTest
class ProgramMigrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void shouldMoveExistingDataToTheProgramOfTheFirstRegistration() throws Exception {
		String schema = "migration_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection connection = this.dataSource.getConnection()) {
			// A pooled connection: it goes back to the pool on the test database, as it came.
			String original = connection.getCatalog();
			connection.createStatement().execute("CREATE DATABASE " + schema);
			connection.setCatalog(schema);
			SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
			try {
				// Up to the last migration before programs (others' V60/V61 included once they exist).
				String before = java.util.Arrays.stream(flyway(single, schema).load().info().all())
					.map(m -> m.getVersion())
					.filter(v -> !v.isNewerThan("61.999"))
					.max(Comparable::compareTo)
					.orElseThrow()
					.getVersion();
				flyway(single, schema).target(before).load().migrate();
				JdbcClient jdbc = JdbcClient.create(single);
				String now = "'2026-01-01 00:00:00'";
				jdbc.sql("INSERT INTO lti_registration (id, issuer, client_id, auth_endpoint, jwks_url, source, created_at, updated_at) VALUES "
						+ "(5, 'https://canvas.example', 'key-b', 'https://a', 'https://j', 'test', " + now + ", " + now + "),"
						+ "(3, 'https://canvas.example', 'key-a', 'https://a', 'https://j', 'test', " + now + ", " + now + "),"
						+ "(9, 'https://moodle.example', 'm', 'https://a', 'https://j', 'test', " + now + ", " + now + ")")
					.update();
				jdbc.sql("INSERT INTO course (id, issuer, context_id, created_at) VALUES (1, 'https://canvas.example', 'c1', "
						+ now + "), (2, 'https://moodle.example', 'c2', " + now + "), (3, 'https://gone.example', 'c3', " + now + ")")
					.update();
				jdbc.sql("INSERT INTO outreach_kind_switch (kind, enabled, changed_at) VALUES ('SERIES_SESSION', FALSE, " + now + ")")
					.update();
				jdbc.sql("INSERT INTO outreach_faculty (email, name, division, faculty_rank, imported_at) VALUES ('f@example.edu', 'F', 'D', 'full', "
						+ now + ")").update();
				jdbc.sql("INSERT INTO series_file_revision (session_id, fingerprint, sequence, changed_at) VALUES ('cfds-x', '"
						+ "0".repeat(64) + "', 2, " + now + ")").update();

				flyway(single, schema).load().migrate();

				long first = jdbc.sql("SELECT id FROM program WHERE client_id = 'key-a'").query(Long.class).single();
				long moodle = jdbc.sql("SELECT id FROM program WHERE client_id = 'm'").query(Long.class).single();
				assertThat(jdbc.sql("SELECT COUNT(*) FROM program").query(Integer.class).single()).isEqualTo(3);
				assertThat(jdbc.sql("SELECT program_id FROM course WHERE id = 1").query(Long.class).single()).isEqualTo(first);
				assertThat(jdbc.sql("SELECT program_id FROM course WHERE id = 2").query(Long.class).single()).isEqualTo(moodle);
				assertThat(jdbc.sql("SELECT program_id FROM course WHERE id = 3").query(Long.class).optional()).isEmpty();
				for (String table : new String[] { "outreach_kind_switch", "outreach_faculty", "series_file_revision" }) {
					assertThat(jdbc.sql("SELECT program_id FROM " + table).query(Long.class).single()).as(table)
						.isEqualTo(first);
				}
			}
			finally {
				connection.setCatalog(original);
				connection.createStatement().execute("DROP DATABASE " + schema);
			}
		}
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource, String schema) {
		return Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
			.locations("classpath:db/migration");
	}

}
