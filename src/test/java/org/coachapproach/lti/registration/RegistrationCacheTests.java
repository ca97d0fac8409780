package org.coachapproach.lti.registration;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The registrations cached per issuer never outlive a registration committed after them. */
@SpringBootTest(properties = "coachapproach.demo.enabled=false")
class RegistrationCacheTests {

	private static final String ISSUER = "https://lms.cache.example";

	@Autowired
	Registrations registrations;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void shouldSeeARegistrationALaunchReadJustBeforeItsCommit() {
		this.registrations.register(request("cache-1"));
		assertThat(this.registrations.find(ISSUER, "cache-1")).isPresent();

		this.transactions.executeWithoutResult(status -> {
			this.registrations.register(request("cache-2"));
			// A launch on another thread between the registration and its commit reads (and caches) what was committed.
			assertThat(CompletableFuture.supplyAsync(() -> this.registrations.find(ISSUER, "cache-2")).join()).isEmpty();
		});

		assertThat(this.registrations.find(ISSUER, "cache-2")).isPresent();
	}

	private static RegistrationRequest request(String clientId) {
		return new RegistrationRequest(ISSUER, clientId, "Cache test", ISSUER + "/auth", null, ISSUER + "/jwks",
				List.of("d1"), false, Set.of(), "test", null);
	}

}
