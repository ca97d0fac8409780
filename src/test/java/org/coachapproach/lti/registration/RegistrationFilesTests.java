package org.coachapproach.lti.registration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class RegistrationFilesTests {

	@Autowired
	RegistrationFiles files;

	@Autowired
	Registrations registrations;

	@TempDir
	Path folder;

	@Test
	void shouldFillCanvasEndpointsFromThePreset() throws IOException {
		Path file = write("canvas.yml", """
				preset: canvas-cloud
				environment: beta
				client_id: "170000000000123"
				deployment_ids: ["12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb"]
				allow_new_deployments: true
				frame_origins: [https://canvas.example.edu]
				""");

		Registration registration = this.files.register(file, "file");

		assertThat(registration.issuer()).isEqualTo("https://canvas.beta.instructure.com");
		assertThat(registration.authEndpoint()).isEqualTo("https://sso.beta.canvaslms.com/api/lti/authorize_redirect");
		assertThat(registration.jwksUrl()).isEqualTo("https://sso.beta.canvaslms.com/api/lti/security/jwks");
		assertThat(registration.tokenEndpoint()).isEqualTo("https://sso.beta.canvaslms.com/login/oauth2/token");
		assertThat(registration.allowNewDeployments()).isTrue();
		assertThat(registration.frameOrigins()).contains("https://canvas.example.edu", "https://*.beta.instructure.com");
		assertThat(this.registrations.deployments(registration)).containsExactly("12:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");
		assertThat(this.registrations.frameOrigins()).contains("https://canvas.example.edu");
	}

	@Test
	void shouldReadTheShippedExamples() {
		assertThat(RegistrationFiles.read(read("lti-config/examples/canvas-cloud.yml"), "file").problems()).isEmpty();
		assertThat(RegistrationFiles.read(read("lti-config/examples/generic-platform.yml"), "file").problems()).isEmpty();
	}

	@Test
	void shouldRefuseABadFileNamingItAndEveryProblemAndStoreNothing() throws IOException {
		Path file = write("bad.yml", """
				issuer: http://lms.example.edu
				auth_endpoint: not a url
				jwks_url: https://lms.example.edu/jwks
				""");

		assertThatExceptionOfType(InvalidRegistrationException.class).isThrownBy(() -> this.files.register(file, "file"))
			.satisfies(ex -> assertThat(ex.problems()).allSatisfy(p -> assertThat(p).startsWith(file.toString()))
				.anySatisfy(p -> assertThat(p).contains("issuer must be an https URL"))
				.anySatisfy(p -> assertThat(p).contains("client_id is required"))
				.anySatisfy(p -> assertThat(p).contains("auth_endpoint")));
		assertThat(this.registrations.findByIssuer("http://lms.example.edu")).isEmpty();
	}

	@Test
	void shouldRefuseUnknownFieldsAndPresets() throws IOException {
		assertThatExceptionOfType(InvalidRegistrationException.class)
			.isThrownBy(() -> this.files.register(write("typo.yml", "clientid: 1\n"), "file"))
			.withMessageContaining("unknown field 'clientid'");
		assertThatExceptionOfType(InvalidRegistrationException.class)
			.isThrownBy(() -> this.files.register(write("preset.yml", "preset: blackboard\nclient_id: 1\n"), "file"))
			.withMessageContaining("unknown preset 'blackboard'");
		assertThatExceptionOfType(InvalidRegistrationException.class)
			.isThrownBy(() -> this.files.register(write("yaml.yml", "issuer: [unclosed\n"), "file"))
			.withMessageContaining("YAML does not parse");
	}

	@Test
	void shouldWriteACanvasDeveloperKeyThatCanvasAccepts() {
		var key = CanvasDeveloperKey.configuration("https://coach.example.edu/");

		assertThat(key).containsEntry("oidc_initiation_url", "https://coach.example.edu/lti/login")
			.containsEntry("target_link_uri", "https://coach.example.edu/lti/launch")
			.containsEntry("public_jwk_url", "https://coach.example.edu/lti/jwks");
		assertThat(CanvasDeveloperKey.json("https://coach.example.edu")).contains("\"privacy_level\" : \"public\"")
			.contains("\"placement\" : \"course_navigation\"")
			.contains("\"message_type\" : \"LtiDeepLinkingRequest\"")
			.contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
		assertThat(read("lti-config/canvas-developer-key.json")).isEqualTo(CanvasDeveloperKey.json("https://coach.example.edu"));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> CanvasDeveloperKey.configuration("http://coach.example.edu"))
			.withMessageContaining("Plain http is only accepted for loopback hosts");
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.folder.resolve(name), text);
	}

	private static String read(String file) {
		try {
			return Files.readString(Path.of(file));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
