package org.coachapproach.outreach;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outreach.internal.OutboxSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no SMTP server configured (the default), the tool runs as usual, staff see that email
 * is off, mail waits in the outbox, and the message preview still works.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmailOffTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	org.coachapproach.people.People people;

	@Autowired
	Registrations registrations;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@Test
	void shouldShowStaffThatEmailIsOffAndKeepMailWaiting() {
		Launches launches = new Launches(platform, this.registrations, this.port);
		Browser staff = launches.staff();

		HttpResponse<String> page = staff.get(launches.tool("/outreach"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Email is off: no SMTP server is configured");

		Recipient to = new Recipient("waiting-" + UUID.randomUUID() + "@example.edu", null, null);
		assertThat(this.outbox.queue(program(), to, ReminderKind.SERIES_SESSION, "test:" + UUID.randomUUID(), "series-session",
				OutboxTests.model(), Locale.ENGLISH)).isEqualTo(MailOutbox.Outcome.QUEUED);
		assertThat(this.sender.drain()).isZero();
		assertThat(this.jdbc.sql("SELECT status FROM outreach_outbox WHERE recipient = ?").param(to.address())
			.query(String.class).single()).isEqualTo("QUEUED");
		assertThat(launches.mentor("mentor-" + UUID.randomUUID()).get(launches.tool("/series/schedule")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void shouldPreviewTheReminderForStaff() {
		Launches launches = new Launches(platform, this.registrations, this.port);
		HttpResponse<String> preview = launches.staff().get(launches.tool("/outreach/preview/series-session"));

		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("Preview: Weekly CFDS session reminders").contains("CFDS: ")
			.contains("<iframe class=\"mail-preview\" sandbox=\"\"").contains("Hello Alex Example,")
			.contains("Unsubscribe from the weekly series reminders");
		assertThat(launches.staff().get(launches.tool("/outreach/preview/no-such-kind")).statusCode())
			.isEqualTo(404);
	}

	/** The test platform's program: everything program-wide here is its. */
	org.coachapproach.people.ProgramId program() {
		return this.people.program(platform.issuer(), TestPlatform.CLIENT_ID);
	}

}
