package org.coachapproach;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@code mariadbd} from outliving the JVM that started it. A JVM killed with SIGKILL
 * (or by the OOM killer) runs no shutdown hook, so its server would keep the data directory
 * locked ("InnoDB: Unable to lock ./ibdata1") and the next start would fail. Two nets: a
 * watchdog process stops the server as soon as the JVM is gone, and a start stops a server
 * of its data directory that is still there (the watchdog killed too, say).
 */
final class EmbeddedMariaDbOrphans {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDbOrphans.class);

	/** A clean InnoDB shutdown flushes the buffer pool; past this it is killed (and recovers). */
	static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	/*
	 * Blocks on its standard input, a pipe whose only writer is this JVM: the kernel closes it
	 * when the JVM ends, however it ends. Then it stops the server with SIGTERM, but only while
	 * that pid is still the server of this data directory (never a process that reused the pid).
	 */
	private static final String WATCHDOG = "cat >/dev/null; "
			+ "if tr '\\000' '\\n' < /proc/\"$1\"/cmdline 2>/dev/null | grep -qxF -- \"--datadir=$2\"; "
			+ "then kill \"$1\"; fi";

	private EmbeddedMariaDbOrphans() {
	}

	/**
	 * Stops a server left running in {@code dataDirectory} by a JVM that died. Call it only
	 * while holding the folder's lock: then no live instance of the tool uses that server.
	 * Only a process named in the directory's pid file whose command line is a MariaDB server
	 * with exactly this data directory is stopped; any other is left alone.
	 * @return what was stopped, to log once logging is up (it is not yet this early)
	 */
	static List<String> stopLeftoverServer(Path dataDirectory) {
		List<String> stopped = new ArrayList<>();
		if (!Files.isDirectory(dataDirectory)) {
			return stopped;
		}
		try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dataDirectory, "*.pid")) {
			for (Path pidFile : pidFiles) {
				pidIn(pidFile).flatMap(ProcessHandle::of)
					.filter(process -> isServerOf(process, dataDirectory))
					.ifPresent(process -> stopped.add(stop(process, dataDirectory)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the pid files in " + dataDirectory, ex);
		}
		return stopped;
	}

	/**
	 * Starts the watchdog of the server this JVM just started in {@code dataDirectory}; empty
	 * where it cannot run (no {@code /proc}, no {@code sh}) or the server is not a child.
	 */
	static Optional<Process> watch(Path dataDirectory) {
		if (!Files.isDirectory(Path.of("/proc/self")) || !new File("/bin/sh").canExecute()) {
			return Optional.empty();
		}
		Optional<ProcessHandle> server = ProcessHandle.current()
			.children()
			.filter(child -> isServerOf(child, dataDirectory))
			.findFirst();
		if (server.isEmpty()) {
			log.warn("No mariadbd child of this JVM serves {}: it will not be stopped if the JVM is killed",
					dataDirectory);
			return Optional.empty();
		}
		try {
			// The argument exactly as the server got it: the watchdog compares it as text.
			String dataDirectoryArgument = dataDirectoryArgument(server.get()).orElseThrow();
			Process watchdog = new ProcessBuilder("/bin/sh", "-c", WATCHDOG, "embedded-mariadb-watchdog",
					String.valueOf(server.get().pid()), dataDirectoryArgument)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			return Optional.of(watchdog);
		}
		catch (IOException ex) {
			log.warn("Could not start the watchdog of the embedded MariaDB in {}: {}", dataDirectory,
					ex.getMessage());
			return Optional.empty();
		}
	}

	/** Whether {@code process} is a MariaDB server whose data directory is {@code dataDirectory}. */
	static boolean isServerOf(ProcessHandle process, Path dataDirectory) {
		ProcessHandle.Info info = process.info();
		boolean server = info.command()
			.map(command -> Path.of(command).getFileName().toString())
			.filter(name -> name.equals("mariadbd") || name.equals("mysqld"))
			.isPresent();
		if (!server) {
			return false;
		}
		return dataDirectoryArgument(process).filter(argument -> sameFile(Path.of(argument), dataDirectory))
			.isPresent();
	}

	private static Optional<String> dataDirectoryArgument(ProcessHandle process) {
		for (String argument : process.info().arguments().orElse(new String[0])) {
			if (argument.startsWith("--datadir=")) {
				return Optional.of(argument.substring("--datadir=".length()));
			}
		}
		return Optional.empty();
	}

	private static String stop(ProcessHandle server, Path dataDirectory) {
		String left = "A MariaDB server (pid " + server.pid() + ") left running by a tool that did not stop cleanly held "
				+ dataDirectory;
		server.destroy();
		if (awaitExit(server, SHUTDOWN_WAIT)) {
			return left + ": stopped it";
		}
		server.destroyForcibly();
		if (!awaitExit(server, Duration.ofSeconds(10))) {
			throw new IllegalStateException("A MariaDB server (pid " + server.pid() + ") left running in "
					+ dataDirectory + " could not be stopped: stop it, then start the tool again.");
		}
		return left + ": killed it, as it did not stop within " + SHUTDOWN_WAIT.toSeconds() + " s";
	}

	private static boolean awaitExit(ProcessHandle process, Duration wait) {
		try {
			process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
	}

	private static Optional<Long> pidIn(Path pidFile) {
		try {
			return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean sameFile(Path one, Path other) {
		try {
			return Files.isSameFile(one, other);
		}
		catch (IOException ex) {
			return false;
		}
	}

}
