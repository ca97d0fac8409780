package org.coachapproach.lti.services;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.coachapproach.lti.http.LocalAddresses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Where a platform may send the tool: its claims, links and ids, checked before any call. */
class ServiceUrlTests {

	@Test
	void shouldTreatLoopbackPrivateAndLinkLocalAddressesAsLocal() {
		assertThat(CourseServices.isLocal("localhost")).isTrue();
		assertThat(CourseServices.isLocal("127.0.0.1")).isTrue();
		assertThat(CourseServices.isLocal("10.1.2.3")).isTrue();
		assertThat(CourseServices.isLocal("192.168.0.10")).isTrue();
		assertThat(CourseServices.isLocal("169.254.169.254")).isTrue();
		assertThat(CourseServices.isLocal("[::1]")).isTrue();
		assertThat(CourseServices.isLocal("[fd00::1]")).isTrue();
		assertThat(CourseServices.isLocal("metadata.internal")).isTrue();
		assertThat(CourseServices.isLocal("school.instructure.com")).isFalse();
		assertThat(CourseServices.isLocal("8.8.8.8")).isFalse();
	}

	@Test
	void shouldTreatEveryNonPublicAddressAsLocal() throws Exception {
		for (String local : new String[] { "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
				"192.168.0.10", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "::1",
				"::", "fe80::1", "fd00::1", "fc00::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
				"64:ff9b::a00:1", "::10.0.0.1" }) {
			assertThat(LocalAddresses.isLocal(InetAddress.getByName(local))).as(local).isTrue();
		}
		for (String publicAddress : new String[] { "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111",
				"64:ff9b::808:808", "::ffff:8.8.8.8" }) {
			assertThat(LocalAddresses.isLocal(InetAddress.getByName(publicAddress))).as(publicAddress).isFalse();
		}
	}

	@Test
	void shouldTreatANameAsLocalWhenAnyAddressItResolvesToIs() throws Exception {
		LocalAddresses.Resolver dns = host -> switch (host) {
			case "lms.example.edu" -> new InetAddress[] { address(host, 8, 8, 4, 4) };
			case "split.example.edu" -> new InetAddress[] { address(host, 8, 8, 4, 4), address(host, 10, 0, 0, 5) };
			default -> throw new UnknownHostException(host);
		};

		assertThat(LocalAddresses.resolvesToLocal("lms.example.edu", dns)).isFalse();
		assertThat(LocalAddresses.resolvesToLocal("split.example.edu", dns)).isTrue();
		assertThat(LocalAddresses.resolvesToLocal("[::1]", LocalAddresses.SYSTEM)).isTrue();
		// The machine's own resolver, no network needed: localhost is loopback whatever it is called.
		assertThat(LocalAddresses.resolvesToLocal("LOCALHOST", LocalAddresses.SYSTEM)).isTrue();
	}

	@Test
	void shouldRefuseACallToANameThatResolvesToAPrivateAddressUnlessThePlatformIsLocal() {
		LocalAddresses.Resolver dns = host -> switch (host) {
			case "canvas.example.edu" -> new InetAddress[] { address(host, 93, 184, 216, 34) };
			case "rebound.example.edu" -> new InetAddress[] { address(host, 169, 254, 169, 254) };
			default -> throw new UnknownHostException(host);
		};
		HttpRequest rebound = HttpRequest.newBuilder(URI.create("https://rebound.example.edu/api/lti/courses/7/line_items"))
			.build();

		ServiceCallException refused = catchThrowableOfType(ServiceCallException.class,
				() -> ServiceCalls.refuseLocal(rebound, false, dns));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.retryable()).isFalse();
		assertThat(catchThrowableOfType(ServiceCallException.class, () -> ServiceCalls
			.refuseLocal(HttpRequest.newBuilder(URI.create("https://10.0.0.5/token")).build(), false, dns)).status())
			.isEqualTo(400);
		assertThatNoException().isThrownBy(() -> ServiceCalls.refuseLocal(rebound, true, dns));
		assertThatNoException().isThrownBy(() -> ServiceCalls
			.refuseLocal(HttpRequest.newBuilder(URI.create("https://canvas.example.edu/api/lti/courses/7/line_items"))
				.build(), false, dns));
		// A name that does not resolve now may later: tried again, not refused for good.
		assertThat(catchThrowableOfType(ServiceCallException.class, () -> ServiceCalls
			.refuseLocal(HttpRequest.newBuilder(URI.create("https://gone.example.edu/x")).build(), false, dns))
			.retryable()).isTrue();
	}

	private static InetAddress address(String host, int a, int b, int c, int d) throws UnknownHostException {
		return InetAddress.getByAddress(host, new byte[] { (byte) a, (byte) b, (byte) c, (byte) d });
	}

	@Test
	void shouldKeepLinksAndLineItemsInsideTheServiceTheLaunchNamed() {
		String container = "https://school.instructure.com/api/lti/courses/7/line_items";
		assertThat(ServiceCalls.under(container + "/12", container)).isTrue();
		assertThat(ServiceCalls.under(container + "/12?x=1", container + "?limit=10")).isTrue();
		assertThat(ServiceCalls.under("https://school.instructure.com/api/lti/courses/8/line_items/1", container)).isFalse();
		assertThat(ServiceCalls.under(container + "/../../8/line_items/1", container)).isFalse();
		assertThat(ServiceCalls.under("https://evil.example/api/lti/courses/7/line_items/1", container)).isFalse();
		assertThat(ServiceCalls.under("http://school.instructure.com/api/lti/courses/7/line_items/1", container)).isFalse();
		assertThat(ServiceCalls.sameOrigin("https://school.instructure.com/x?page=2", container)).isTrue();
		assertThat(ServiceCalls.sameOrigin("http://169.254.169.254/latest", container)).isFalse();
	}

	@Test
	void shouldReadRetryAfterAsSecondsOrAnHttpDate() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
		assertThat(ServiceCalls.retryAfter("30", clock)).isEqualTo(Duration.ofSeconds(30));
		assertThat(ServiceCalls.retryAfter("Sat, 28 Nov 2026 12:01:00 GMT", clock)).isEqualTo(Duration.ofMinutes(1));
		assertThat(ServiceCalls.retryAfter("soon", clock)).isNull();
	}

}
