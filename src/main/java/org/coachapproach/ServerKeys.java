package org.coachapproach;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The tool's server-held secrets, its one store of them: the key of the respondent
 * pseudonyms, the key that encrypts the tool's private signing keys, and the key that signs
 * the links the tool hands out (one-click unsubscribe, personal calendar feeds). None may sit
 * in the database it protects. With an external database all must come from the environment,
 * and the tool refuses to start without them. With the embedded database (one instance, trying, tests, a small
 * program) they are generated once into {@code keys.properties} beside the database's folder,
 * readable by the owner only.
 */
public final class ServerKeys {

	public static final String PSEUDONYM_KEY = "coachapproach.assessment.pseudonym-key";

	public static final String KEY_ENCRYPTION_KEY = "coachapproach.lti.key-encryption-key";

	public static final String LINK_KEY = "coachapproach.outreach.link-key";

	/** Where the embedded database's generated keys are kept; unset with an external database. */
	public static final String FILE = "coachapproach.keys-file";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;

	private ServerKeys(Path file) {
		this.file = file;
	}

	/** The keys kept in {@code file}. */
	public static ServerKeys at(Path file) {
		return new ServerKeys(file.toAbsolutePath().normalize());
	}

	/** 32 random bytes, Base64: what {@code openssl rand -base64 32} gives. */
	public static String generate() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/** The environment variable that sets a key property. */
	static String variable(String property) {
		return property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
	}

	/**
	 * With an external database: every key must be set.
	 * @throws IllegalStateException naming each missing variable and how to make a value
	 */
	static void require(ConfigurableEnvironment environment) {
		List<String> missing = List.of(PSEUDONYM_KEY, KEY_ENCRYPTION_KEY, LINK_KEY)
			.stream()
			.filter(property -> !StringUtils.hasText(environment.getProperty(property)))
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder(
				"With an external database the tool's keys must come from the environment, never from that database. Set ");
		List<String> variables = missing.stream().map(ServerKeys::variable).toList();
		message.append(variables.size() == 1 ? variables.get(0)
				: String.join(", ", variables.subList(0, variables.size() - 1)) + " and " + variables.get(variables.size() - 1))
			.append(" (each 32 random bytes, Base64: generate one with `openssl rand -base64 32`) and keep ")
			.append(missing.size() == 1 ? "it" : "them")
			.append(" in a secret store.");
		if (missing.contains(PSEUDONYM_KEY)) {
			message.append(" If this database already holds survey responses, set ")
				.append(variable(PSEUDONYM_KEY))
				.append(" to the key it holds (SELECT TO_BASE64(pseudonym_key) FROM assessment_secret), or earlier")
				.append(" responses no longer pair up with later ones.");
		}
		if (missing.contains(KEY_ENCRYPTION_KEY)) {
			message.append(" A new ").append(variable(KEY_ENCRYPTION_KEY))
				.append(" still reads the signing keys stored unencrypted so far.");
		}
		if (missing.contains(LINK_KEY)) {
			message.append(" ").append(variable(LINK_KEY))
				.append(" signs unsubscribe links and calendar feed addresses; changing it resets every feed address.");
		}
		throw new IllegalStateException(message.toString());
	}

	/**
	 * With the embedded database: the keys not set otherwise come from the file beside
	 * {@code embeddedDirectory}; the key-encryption and link keys are generated there if
	 * missing. The pseudonym key is left to its owner, which may find an older one in the
	 * database.
	 */
	static void fromFile(ConfigurableEnvironment environment, Path embeddedDirectory) {
		Path parent = embeddedDirectory.toAbsolutePath().normalize().getParent();
		ServerKeys keys = at((parent != null ? parent : embeddedDirectory).resolve("keys.properties"));
		Map<String, Object> properties = new HashMap<>();
		properties.put(FILE, keys.file.toString());
		for (String generated : List.of(KEY_ENCRYPTION_KEY, LINK_KEY)) {
			if (!StringUtils.hasText(environment.getProperty(generated))) {
				properties.put(generated, keys.obtain(generated, ServerKeys::generate));
			}
		}
		if (!StringUtils.hasText(environment.getProperty(PSEUDONYM_KEY))) {
			String kept = keys.read().getProperty(PSEUDONYM_KEY);
			if (kept != null) {
				properties.put(PSEUDONYM_KEY, kept);
			}
		}
		environment.getPropertySources().addLast(new MapPropertySource("serverKeys", properties));
	}

	/** The key kept under {@code name}, written there first from {@code initial} when there is none. */
	public String obtain(String name, Supplier<String> initial) {
		synchronized (ServerKeys.class) {
			Properties properties = read();
			String kept = properties.getProperty(name);
			if (kept != null) {
				return kept;
			}
			String value = initial.get();
			properties.setProperty(name, value);
			write(properties);
			return value;
		}
	}

	Path file() {
		return this.file;
	}

	private Properties read() {
		Properties properties = new Properties();
		if (Files.exists(this.file)) {
			try (InputStream in = Files.newInputStream(this.file)) {
				properties.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the tool's keys from " + this.file, ex);
			}
		}
		return properties;
	}

	/** Written whole to a file of the owner's, then moved over the old one, so a crash never leaves half a key. */
	private void write(Properties properties) {
		try {
			Files.createDirectories(this.file.getParent());
			Path next = this.file.resolveSibling(this.file.getFileName() + ".new");
			Files.deleteIfExists(next);
			try {
				Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createFile(next);
			}
			try (OutputStream out = Files.newOutputStream(next)) {
				properties.store(out, "Coach Approach: the embedded database's keys. Keep this file, and keep it apart from copies of the database.");
			}
			try {
				Files.move(next, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException | FileAlreadyExistsException ex) {
				Files.move(next, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the tool's keys to " + this.file, ex);
		}
	}

}
