package org.coachapproach;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The tool as far as its database goes, run in a JVM of its own so that a test can kill it with
 * SIGKILL: starts the embedded server in the given folder through the project's class, writes
 * a row, says READY and waits to be killed.
 */
final class EmbeddedMariaDbCrashingTool {

	static final String READY = "READY";

	private EmbeddedMariaDbCrashingTool() {
	}

	public static void main(String[] arguments) throws Exception {
		EmbeddedMariaDb db = EmbeddedMariaDb.obtain(Path.of(arguments[0]), false);
		db.awaitReady();
		try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE crash_probe (id INT PRIMARY KEY)");
			statement.execute("INSERT INTO crash_probe VALUES (" + arguments[1] + ")");
		}
		System.out.println(READY);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
