package org.coachapproach.series;

import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outreach.FacultyList;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.MailTest;
import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.outreach.TestSmtp;
import org.coachapproach.outreach.internal.OutboxSender;
import org.coachapproach.series.internal.SeriesReminders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly reminder through the real outbox and SMTP server: queued once a session is
 * within the lead time, to course rosters and the faculty list, sent once however often the
 * check runs; not for a session further out, a cancelled one, or while staff have it off.
 */
@MailTest
class SeriesRemindersTests {

	static final ZoneId ZONE = ZoneId.of("America/Chicago");

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	org.coachapproach.people.People people;

	@Autowired
	Registrations registrations;

	@Autowired
	SeriesSchedule schedule;

	@Autowired
	SeriesReminders reminders;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	FacultyList faculty;

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

	@AfterEach
	void switchBackOn() {
		this.outbox.switchKind(program(), ReminderKind.SERIES_SESSION, true, null);
	}

	@Test
	void shouldRemindRostersAndFacultyOnceWithTopicPresenterAndJoinLink() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String listed = "listed-" + tag + "@example.edu";
		this.faculty.importCsv(program(), new StringReader("name,email,division,rank\nListed Faculty," + listed
				+ ",Cardiology,associate\nOther Faculty,other-" + tag + "@example.edu,Hospital Medicine,full\n"));
		String enrolled = "enrolled-" + tag + "@example.edu";
		platform.registerWith(this.registrations);
		platform.signIn("http://localhost:" + this.port, "mentor-" + tag, claims -> claims.claim("email", enrolled));
		ScheduledSession session = this.schedule.schedule(program(), draft("Promotion portfolios " + tag, 3), null);

		this.reminders.remindDue();
		int queued = rows(session);
		this.reminders.remindDue();

		assertThat(queued).isGreaterThanOrEqualTo(3);
		assertThat(rows(session)).isEqualTo(queued);
		assertThat(this.jdbc.sql("SELECT recipient FROM outreach_outbox WHERE dedup_key LIKE ?")
			.param("series-session:" + session.session().id() + ":%").query(String.class).list())
			.contains(listed, enrolled, "other-" + tag + "@example.edu");

		this.sender.drain();
		this.reminders.remindDue();
		this.sender.drain();
		// Other tests' sessions may be due too: count this session's reminder only.
		List<MimeMessage> received = about(TestSmtp.to(listed), tag);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getSubject()).startsWith("CFDS: Promotion portfolios " + tag);
		assertThat(about(TestSmtp.to(enrolled), tag)).hasSize(1);
		String body = TestSmtp.part(received.get(0), "text/plain");
		assertThat(body).contains("Presenter: Linda Nakamura, MD").contains("https://meet.example.edu/j/" + tag)
			.contains("Hello Listed Faculty,");
	}

	@Test
	void shouldNotRemindOfASessionBeyondTheLeadTimeOrCancelledOrSwitchedOff() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		ScheduledSession later = this.schedule.schedule(program(), draft("Next month " + tag, 24 * 5), null);
		ScheduledSession cancelled = this.schedule.schedule(program(), draft("Called off " + tag, 4), null);
		this.schedule.cancel(program(), cancelled.session().id(), null);
		this.outbox.switchKind(program(), ReminderKind.SERIES_SESSION, false, null);
		ScheduledSession switchedOff = this.schedule.schedule(program(), draft("Quiet week " + tag, 5), null);

		this.reminders.remindDue();

		assertThat(rows(later)).isZero();
		assertThat(rows(cancelled)).isZero();
		assertThat(rows(switchedOff)).isZero();
	}

	private static List<MimeMessage> about(List<MimeMessage> messages, String tag) {
		return messages.stream().filter(m -> {
			try {
				return m.getSubject().contains(tag);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private int rows(ScheduledSession session) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outreach_outbox WHERE dedup_key LIKE ?")
			.param("series-session:" + session.session().id() + ":%")
			.query(Integer.class)
			.single();
	}

	private static SessionDraft draft(String title, int hoursAhead) {
		ZonedDateTime start = ZonedDateTime.now(ZONE).plusHours(hoursAhead).truncatedTo(ChronoUnit.MINUTES);
		return new SessionDraft(start.toLocalDate(), start.toLocalTime(), ZONE, 60, title, SeriesCategory.PROMOTION,
				"Linda Nakamura, MD", "Putting the portfolio together.",
				"https://meet.example.edu/j/" + title.substring(title.length() - 8), false);
	}

	/** The test platform's program: everything program-wide here is its. */
	org.coachapproach.people.ProgramId program() {
		return this.people.program(platform.issuer(), TestPlatform.CLIENT_ID);
	}

}
