package org.coachapproach.lti.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-address buckets behind the LTI rate limits: one client's share, and a bounded memory. */
class AddressBucketsTests {

	@Test
	void shouldRefuseTheRequestAfterTheCapacityAndSayWhenToComeBack() {
		AddressBuckets buckets = new AddressBuckets(3, Duration.ofMinutes(1), 100);

		for (int i = 0; i < 3; i++) {
			assertThat(buckets.take("203.0.113.7").isConsumed()).isTrue();
		}
		var refused = buckets.take("203.0.113.7");
		assertThat(refused.isConsumed()).isFalse();
		// One request back after a third of the period (greedy refill).
		assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isBetween(Duration.ofSeconds(15),
				Duration.ofSeconds(20));
		assertThat(buckets.take("203.0.113.8").isConsumed()).isTrue();
	}

	@Test
	void shouldCountAnIpv6NetworkAsOneClient() {
		assertThat(AddressBuckets.key("2001:db8:1:2:aaaa::1")).isEqualTo(AddressBuckets.key("2001:db8:1:2:bbbb::9"))
			.isEqualTo("20010db800010002::/64");
		assertThat(AddressBuckets.key("2001:db8:1:3::1")).isNotEqualTo(AddressBuckets.key("2001:db8:1:2::1"));
		assertThat(AddressBuckets.key("0:0:0:0:0:0:0:1")).isEqualTo("0000000000000000::/64");
		assertThat(AddressBuckets.key("192.0.2.1")).isEqualTo("192.0.2.1");

		AddressBuckets buckets = new AddressBuckets(1, Duration.ofMinutes(1), 100);
		assertThat(buckets.take("2001:db8:1:2::1").isConsumed()).isTrue();
		assertThat(buckets.take("2001:db8:1:2::2").isConsumed()).isFalse();
	}

	@Test
	void shouldKeepNoMoreBucketsThanAllowedWhateverAddressesArrive() {
		AddressBuckets buckets = new AddressBuckets(1, Duration.ofMinutes(1), 100);

		for (int i = 0; i < 5000; i++) {
			buckets.take("198.18." + (i / 256) + "." + (i % 256));
		}

		assertThat(buckets.size()).isLessThanOrEqualTo(100);
	}

}
