package org.coachapproach.lti.registration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.coachapproach.lti.LtiProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Platform registrations as files: every {@code lti-config/platforms/*.yml} is registered at
 * start-up, and a bad file stops start-up naming the file and its problems.
 */
@Component
@Order(0)
public class RegistrationFiles implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RegistrationFiles.class);

	private static final Set<String> FIELDS = Set.of("preset", "environment", "issuer", "client_id", "platform_name",
			"auth_endpoint", "token_endpoint", "jwks_url", "deployment_ids", "allow_new_deployments", "frame_origins");

	private final Registrations registrations;

	private final Path folder;

	RegistrationFiles(Registrations registrations,
			LtiProperties properties) {
		Path configLocation = properties.lti().configLocation();
		this.registrations = registrations;
		this.folder = configLocation.resolve("platforms");
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!Files.isDirectory(this.folder)) {
			return;
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
				register(file, "file");
			}
		}
	}

	/** Registers the platform one file describes. */
	public Registration register(Path file, String source) {
		RegistrationRequest request;
		try {
			request = read(Files.readString(file), source);
		}
		catch (IOException ex) {
			throw new InvalidRegistrationException(List.of(file + ": cannot be read: " + ex.getMessage()));
		}
		catch (InvalidRegistrationException ex) {
			throw new InvalidRegistrationException(ex.problems().stream().map(p -> file + ": " + p).toList());
		}
		List<String> problems = request.problems();
		if (!problems.isEmpty()) {
			throw new InvalidRegistrationException(problems.stream().map(p -> file + ": " + p).toList());
		}
		Registration registration = this.registrations.register(request);
		log.info("Platform registration from {}: {} client {}", file, registration.issuer(), registration.clientId());
		return registration;
	}

	static RegistrationRequest read(String yaml, String source) {
		Object document;
		try {
			document = new Yaml(new LoaderOptions()).load(yaml);
		}
		catch (YAMLException ex) {
			throw new InvalidRegistrationException(List.of("YAML does not parse: " + ex.getMessage().lines().findFirst().orElse("")));
		}
		if (!(document instanceof Map<?, ?> map)) {
			throw new InvalidRegistrationException(List.of("expected a mapping of fields"));
		}
		List<String> problems = new ArrayList<>();
		map.keySet().stream().filter(k -> !FIELDS.contains(String.valueOf(k)))
			.forEach(k -> problems.add("unknown field '" + k + "'"));
		if (!problems.isEmpty()) {
			throw new InvalidRegistrationException(problems);
		}
		List<String> deployments = texts(map.get("deployment_ids"));
		Set<String> origins = new LinkedHashSet<>(texts(map.get("frame_origins")));
		boolean allowNew = Boolean.TRUE.equals(map.get("allow_new_deployments"));
		String clientId = text(map.get("client_id"));
		if (map.get("preset") != null) {
			return PlatformPreset.named(text(map.get("preset")))
				.fill(text(map.get("environment")), clientId, deployments, allowNew, origins, source);
		}
		return new RegistrationRequest(text(map.get("issuer")), clientId, text(map.get("platform_name")),
				text(map.get("auth_endpoint")), text(map.get("token_endpoint")), text(map.get("jwks_url")), deployments,
				allowNew, origins, source);
	}

	private static String text(Object value) {
		return value == null ? null : String.valueOf(value).trim();
	}

	private static List<String> texts(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).map(String::trim).toList();
		}
		return List.of(String.valueOf(value).trim());
	}

}
