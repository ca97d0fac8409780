package org.coachapproach.lti.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard on every call to a platform's configuration, registration and key set addresses:
 * nothing inside the tool's own network unless the platform itself is there. Names resolve
 * through a stand-in resolver (no network needed), as a DNS answer an attacker controls would.
 */
class PlatformHttpTests {

	private static final Map<String, String> DNS = Map.of("keys.platform.example", "10.1.2.3", "metadata.example",
			"169.254.169.254", "platform.example", "203.0.113.10", "mixed.example", "203.0.113.11");

	private static final LocalAddresses.Resolver RESOLVER = host -> {
		String address = DNS.get(host);
		if (address == null) {
			throw new java.net.UnknownHostException(host);
		}
		return host.equals("mixed.example")
				? new InetAddress[] { InetAddress.getByName(address), InetAddress.getByName("127.0.0.1") }
				: new InetAddress[] { InetAddress.getByName(address) };
	};

	@Test
	void shouldRefuseAPublicPlatformsAddressThatResolvesInsideTheNetwork() {
		for (String target : new String[] { "https://keys.platform.example/jwks", "https://metadata.example/latest",
				"https://mixed.example/jwks", "http://169.254.169.254/latest/meta-data", "http://[::1]:8080/x",
				"http://localhost:9000/x" }) {
			assertThatThrownBy(() -> PlatformHttp.refuseLocal(URI.create(target), "https://platform.example", RESOLVER))
				.as(target)
				.isInstanceOf(IOException.class)
				.hasMessageContaining("private network");
		}
	}

	@Test
	void shouldCallAPublicAddressOfAPublicPlatform() {
		assertThatCode(() -> PlatformHttp.refuseLocal(URI.create("https://platform.example/jwks"),
				"https://platform.example", RESOLVER)).doesNotThrowAnyException();
	}

	@Test
	void shouldCallInsideTheNetworkForAPlatformThatIsThere() {
		// The demo platform, tests, or an institution's own platform named by its address.
		assertThatCode(() -> PlatformHttp.refuseLocal(URI.create("http://127.0.0.1:8080/jwks"), "http://127.0.0.1:8080",
				RESOLVER)).doesNotThrowAnyException();
		assertThatCode(() -> PlatformHttp.refuseLocal(URI.create("https://10.0.0.5/jwks"), "https://10.0.0.5",
				RESOLVER)).doesNotThrowAnyException();
	}

}
