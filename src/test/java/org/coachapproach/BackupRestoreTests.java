package org.coachapproach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ops/backup.sh} and {@code ops/restore.sh} against a running embedded server, as an
 * operator runs them: rows written, backed up, restored into a fresh database and read back.
 */
class BackupRestoreTests {

	static final Path ROOT = Path.of("target", "backup-test");

	static final Path DIRECTORY = ROOT.resolve("mariadb");

	static final Path KEYS = ROOT.resolve("keys.properties");

	static final Path BACKUP = ROOT.resolve("backup");

	static EmbeddedMariaDb db;

	@BeforeAll
	static void startServer() throws IOException, SQLException {
		FileSystemUtils.deleteRecursively(BACKUP);
		Files.deleteIfExists(ROOT.resolve("keys.properties.before-restore"));
		db = EmbeddedMariaDb.obtain(DIRECTORY, true);
		db.awaitReady();
		// The folder outlives a run (warm starts); the restore target must start out absent.
		execute("", "DROP DATABASE IF EXISTS restored");
	}

	@AfterAll
	static void stopServer() {
		db.release();
	}

	@Test
	void shouldRestoreTheRowsAndKeysOfABackup() throws Exception {
		execute("coachapproach", "CREATE TABLE probe (id INT PRIMARY KEY, note VARCHAR(100) CHARACTER SET utf8mb4)",
				"INSERT INTO probe VALUES (1, 'Zoë – première séance'), (2, 'mentor 🙂')");
		Files.writeString(KEYS, "coachapproach.outreach.link-key=kept-key\n");

		Run backup = run("ops/backup.sh", "--embedded", DIRECTORY.toString(), BACKUP.toString());
		assertThat(backup.exit()).as(backup.output()).isZero();
		assertThat(BACKUP.resolve("coachapproach.sql.gz")).isNotEmptyFile();
		assertThat(BACKUP.resolve("keys.properties")).hasContent("coachapproach.outreach.link-key=kept-key");

		Run restore = run("ops/restore.sh", "--embedded", DIRECTORY.toString(), "--database", "restored",
				BACKUP.toString());
		assertThat(restore.exit()).as(restore.output()).isZero();
		assertThat(notes("restored")).containsExactly("Zoë – première séance", "mentor 🙂");

		// A database that holds tables is not overwritten without --replace, and is left as it was.
		execute("restored", "INSERT INTO probe VALUES (3, 'written after the restore')");
		Run refused = run("ops/restore.sh", "--embedded", DIRECTORY.toString(), "--database", "restored",
				BACKUP.toString());
		assertThat(refused.exit()).isNotZero();
		assertThat(refused.output()).contains("database restored holds 1 tables", "--replace", "nothing was changed");
		assertThat(notes("restored")).hasSize(3);

		// Into the tool's own database: --replace, and the keys file comes back too.
		execute("coachapproach", "DELETE FROM probe WHERE id = 2");
		Files.writeString(KEYS, "coachapproach.outreach.link-key=other-key\n");
		Run replaced = run("ops/restore.sh", "--embedded", DIRECTORY.toString(), "--replace", BACKUP.toString());
		assertThat(replaced.exit()).as(replaced.output()).isZero();
		assertThat(notes("coachapproach")).containsExactly("Zoë – première séance", "mentor 🙂");
		assertThat(KEYS).hasContent("coachapproach.outreach.link-key=kept-key");
		assertThat(ROOT.resolve("keys.properties.before-restore")).hasContent("coachapproach.outreach.link-key=other-key");
	}

	@Test
	void shouldRefuseAFolderWithoutABackup() throws Exception {
		Run restore = run("ops/restore.sh", "--embedded", DIRECTORY.toString(), "--database", "never",
				ROOT.resolve("no-such-backup").toString());
		assertThat(restore.exit()).isNotZero();
		assertThat(restore.output()).contains("give a folder written by ops/backup.sh");
		try (Connection connection = connect("");
				ResultSet databases = connection.createStatement().executeQuery("SHOW DATABASES LIKE 'never'")) {
			assertThat(databases.next()).isFalse();
		}
	}

	private static List<String> notes(String database) throws SQLException {
		List<String> notes = new ArrayList<>();
		try (Connection connection = connect(database);
				ResultSet rows = connection.createStatement().executeQuery("SELECT note FROM probe ORDER BY id")) {
			while (rows.next()) {
				notes.add(rows.getString(1));
			}
		}
		return notes;
	}

	private static void execute(String database, String... statements) throws SQLException {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port() + "/" + database, "root", "");
	}

	private static Run run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), output);
	}

	record Run(int exit, String output) {
	}

}
