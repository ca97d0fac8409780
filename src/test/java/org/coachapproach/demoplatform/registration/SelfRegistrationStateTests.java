package org.coachapproach.demoplatform.registration;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.coachapproach.demoplatform.DemoPlatform;
import org.coachapproach.demoplatform.RegistrationState;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform says "registered" only once the tool has stored the registration too: the
 * platform records its side first, while the tool's request is still open, and a launch in
 * between met an unknown client ({@code EndToEndLaunchTests}, now and then).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "test.context=self-registration")
// Its own context, closed after it: registering again gives the demo platform a new client, whose
// program the demo course (first launched through the old one) refuses, so a context shared with
// EndToEndLaunchTests would fail those launches afterwards.
@DirtiesContext
class SelfRegistrationStateTests {

	@Autowired
	DemoPlatform platform;

	@Autowired
	ToolSelfRegistration registration;

	@Autowired
	Registrations toolRegistrations;

	@Autowired
	DataSource dataSource;

	@Test
	void shouldReportRegisteringUntilTheToolHasStoredTheRegistration() throws Exception {
		assertThat(this.platform.awaitRegistration(Duration.ofSeconds(30))).isEqualTo(RegistrationState.REGISTERED);
		String before = this.platform.clientId().orElseThrow();
		CompletableFuture<RegistrationState> again;
		try (Connection held = this.dataSource.getConnection(); Statement statement = held.createStatement()) {
			// Every row and the gap after the last one locked (repeatable read takes gap locks): the tool
			// can still read its registrations but cannot add one until the test lets it.
			held.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			held.setAutoCommit(false);
			statement.executeQuery("SELECT * FROM lti_registration FORCE INDEX (PRIMARY) FOR UPDATE").close();
			try {
				again = this.registration.start();
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (this.platform.clientId().orElseThrow().equals(before) && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				assertThat(this.platform.clientId().orElseThrow()).as("the platform recorded the new registration")
					.isNotEqualTo(before);

				assertThat(this.platform.registrationState()).isEqualTo(RegistrationState.REGISTERING);
			}
			finally {
				held.rollback();
				held.setAutoCommit(true);
				held.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			}
		}

		assertThat(again.get(30, TimeUnit.SECONDS)).isEqualTo(RegistrationState.REGISTERED);
		assertThat(this.platform.registrationState()).isEqualTo(RegistrationState.REGISTERED);
		assertThat(this.toolRegistrations.find(this.platform.issuer(), this.platform.clientId().orElseThrow())).isPresent();
	}

}
