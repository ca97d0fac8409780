package org.coachapproach.lti.services;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
