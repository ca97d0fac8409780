package org.coachapproach.lti.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.coachapproach.lti.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformKeySetsTests {

	private final TestPlatform platform;

	private Instant now = Instant.parse("2026-11-28T12:00:00Z");

	private final PlatformKeySets keys;

	PlatformKeySetsTests() throws Exception {
		this.platform = new TestPlatform();
		Clock clock = new Clock() {
			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return PlatformKeySetsTests.this.now;
			}
		};
		this.keys = new PlatformKeySets(clock, Duration.ofHours(1), Duration.ofSeconds(10));
	}

	@AfterEach
	void stop() {
		this.platform.close();
	}

	@Test
	void shouldFetchOnceAndServeFromTheCache() {
		String kid = this.platform.signingKey().getKeyID();

		assertThat(this.keys.key(this.platform.jwksUrl(), kid)).isPresent();
		assertThat(this.keys.key(this.platform.jwksUrl(), kid)).isPresent();

		assertThat(this.platform.jwksRequests()).isEqualTo(1);
	}

	@Test
	void shouldRefetchForARotatedKeyButNotMoreOftenThanTheLimit() {
		this.keys.key(this.platform.jwksUrl(), this.platform.signingKey().getKeyID());
		String rotated = this.platform.rotate().getKeyID();

		// Within the limit: unknown key ids do not reach the platform.
		for (int i = 0; i < 20; i++) {
			assertThat(this.keys.key(this.platform.jwksUrl(), "made-up-" + i)).isEmpty();
		}
		assertThat(this.platform.jwksRequests()).isEqualTo(1);

		this.now = this.now.plusSeconds(11);
		assertThat(this.keys.key(this.platform.jwksUrl(), rotated)).isPresent();
		assertThat(this.platform.jwksRequests()).isEqualTo(2);
	}

	@Test
	void shouldRefreshAfterTheMaximumAge() {
		String kid = this.platform.signingKey().getKeyID();
		this.keys.key(this.platform.jwksUrl(), kid);

		this.now = this.now.plus(Duration.ofMinutes(61));
		this.keys.key(this.platform.jwksUrl(), kid);

		assertThat(this.platform.jwksRequests()).isEqualTo(2);
	}

	@Test
	void shouldFindNothingWhenThePlatformIsUnreachable() {
		assertThat(this.keys.key("http://127.0.0.1:1/jwks", "any")).isEmpty();
	}

}
