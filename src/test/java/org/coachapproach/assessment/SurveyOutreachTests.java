package org.coachapproach.assessment;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.coachapproach.assessment.internal.windows.SurveyWindowReminders;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outreach.FeedTokens;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.MailTest;
import org.coachapproach.outreach.MutableClock;
import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.outreach.TestSmtp;
import org.coachapproach.outreach.internal.OutboxSender;
import org.coachapproach.people.PersonId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey windows reaching outside the tool, through the real outbox, SMTP server and feed:
 * the "survey open" email once per window to everyone the survey asks, the "closing soon"
 * email to respondents and non-respondents alike (the tool never uses who answered), nothing
 * while staff have the kind off, and the window on the asked people's own calendar feeds.
 */
@MailTest
class SurveyOutreachTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String INSTRUMENT = "mentor-post";

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	org.coachapproach.people.People people;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SurveyWindowReminders reminders;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	MutableClock clock;

	@Autowired
	FeedTokens feeds;

	@Value("${coachapproach.curriculum.time-zone:UTC}")
	ZoneId zone;

	SurveyLaunch launcher;

	String tag;

	long course;

	String answeringEmail;

	String silentEmail;

	String menteeEmail;

	Browser answering;

	Browser staff;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void course() {
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		String contextId = "survey-mail-" + this.tag;
		this.answeringEmail = "ana-" + this.tag + "@example.edu";
		this.silentEmail = "sid-" + this.tag + "@example.edu";
		this.menteeEmail = "mo-" + this.tag + "@example.edu";
		this.launcher = new SurveyLaunch(platform, this.port, this.registrations, contextId);
		this.answering = this.launcher.launch("ana-" + this.tag, "Ana Answering", SurveyLaunch.LEARNER, "mentor",
				this.answeringEmail);
		this.launcher.launch("sid-" + this.tag, "Sid Silent", SurveyLaunch.LEARNER, "mentor", this.silentEmail);
		this.launcher.launch("mo-" + this.tag, "Mo Mentee", SurveyLaunch.LEARNER, "mentee", this.menteeEmail);
		// An institution administrator: the email previews are program staff's.
		this.staff = this.launcher.launch("staff-" + this.tag, "Sam Staff",
				"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", "staff",
				"sam-" + this.tag + "@example.edu");
		this.course = this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(contextId).query(Long.class)
			.single();
	}

	@AfterEach
	void putBack() {
		this.clock.reset();
		this.outbox.switchKind(program(), ReminderKind.SURVEY_WINDOW_OPENING, true, null);
		this.outbox.switchKind(program(), ReminderKind.SURVEY_WINDOW_CLOSING, true, null);
	}

	@Test
	void shouldSendTheOpeningReminderOnceToEveryoneAskedAlsoWhenTheJobRunsTwice() throws Exception {
		LocalDate opens = today().minusDays(1);
		window(opens, today().plusDays(10));

		this.reminders.remindDue();
		this.reminders.remindDue();
		assertThat(rows("OPENING")).containsExactlyInAnyOrder(this.answeringEmail, this.silentEmail);
		assertThat(rows("CLOSING")).isEmpty();
		this.sender.drain();
		this.reminders.remindDue();
		this.sender.drain();

		List<MimeMessage> toSid = TestSmtp.to(this.silentEmail);
		assertThat(toSid).hasSize(1);
		assertThat(TestSmtp.to(this.answeringEmail)).hasSize(1);
		assertThat(surveyMail(this.menteeEmail)).isEmpty();
		assertThat(toSid.get(0).getSubject()).isEqualTo("Survey open: Mentor feedback on the training");
		String text = TestSmtp.part(toSid.get(0), "text/plain");
		String html = TestSmtp.part(toSid.get(0), "text/html");
		assertThat(text).contains("Hello Sid Silent,")
			.contains("is open from " + longDate(opens) + " until " + longDate(today().plusDays(10)))
			.contains("/surveys")
			.contains("/unsubscribe/");
		assertThat(html).contains("href=\"http://localhost:").contains("/surveys\"").contains("<main")
			.contains("lang=\"en\"");
		assertThat(toSid.get(0).getHeader("List-Unsubscribe")).isNotEmpty();
		assertThat(this.jdbc.sql("SELECT DISTINCT dedup_key FROM outreach_outbox WHERE recipient = ?")
			.param(this.silentEmail).query(String.class).list())
			.containsExactly("survey-window-opening:" + this.course + ":" + INSTRUMENT + ":post:" + opens);
	}

	@Test
	void shouldSendTheClosingReminderToRespondentsAndNonRespondentsAlike() throws Exception {
		LocalDate closes = today().plusDays(7);
		window(today().minusDays(1), closes);
		assertThat(this.answering.post(this.launcher.tool("/surveys/" + INSTRUMENT + "/post"),
				Map.of("a.strategies-helpful", "5", "a.likely-to-use", "4", "a.meeting-frequency", "once",
						"a.comments", "Fine", "action", "submit"))
			.statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM assessment_response WHERE course_id = ? AND instrument_id = ? AND submitted""")
			.params(this.course, INSTRUMENT).query(Long.class).single()).isEqualTo(1L);

		this.reminders.remindDue();
		assertThat(rows("CLOSING")).isEmpty();

		this.clock.shift(Duration.ofDays(5));
		this.reminders.remindDue();
		this.reminders.remindDue();
		assertThat(rows("CLOSING")).containsExactlyInAnyOrder(this.answeringEmail, this.silentEmail);
		this.sender.drain();

		for (String address : List.of(this.answeringEmail, this.silentEmail)) {
			List<MimeMessage> closing = TestSmtp.to(address)
				.stream()
				.filter(m -> subject(m).startsWith("Survey closing soon: "))
				.toList();
			assertThat(closing).hasSize(1);
			assertThat(TestSmtp.part(closing.get(0), "text/plain")).contains("closes on " + longDate(closes))
				.contains("If you have already answered it, thank you");
		}
		assertThat(surveyMail(this.menteeEmail)).isEmpty();
	}

	@Test
	void shouldNotRemindWhileStaffHaveTheKindSwitchedOff() {
		window(today().minusDays(3), today().plusDays(1));
		this.outbox.switchKind(program(), ReminderKind.SURVEY_WINDOW_OPENING, false, null);
		this.outbox.switchKind(program(), ReminderKind.SURVEY_WINDOW_CLOSING, false, null);

		assertThat(this.reminders.remindDue()).isZero();
		assertThat(rows("OPENING")).isEmpty();
		assertThat(rows("CLOSING")).isEmpty();

		this.outbox.switchKind(program(), ReminderKind.SURVEY_WINDOW_CLOSING, true, null);
		this.reminders.remindDue();
		assertThat(rows("OPENING")).isEmpty();
		assertThat(rows("CLOSING")).hasSize(2);
	}

	@Test
	void shouldNotRemindOfAWindowNotYetOpenOrAlreadyClosed() {
		window(today().plusDays(3), today().plusDays(10));
		this.jdbc.sql("""
				INSERT INTO assessment_window (course_id, instrument_id, wave, opens_on, closes_on, updated_at)
				VALUES (?, 'demographics', 'once', ?, ?, ?)""")
			.params(this.course, today().minusDays(20), today().minusDays(1), Timestamp.from(this.clock.instant()))
			.update();

		this.reminders.remindDue();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outreach_outbox WHERE dedup_key LIKE ?")
			.param("survey-window-%:" + this.course + ":%").query(Long.class).single()).isZero();
	}

	@Test
	void shouldPutTheWindowOnTheFeedsOfThoseAsked() throws Exception {
		LocalDate opens = today().plusDays(3);
		LocalDate closes = today().plusDays(10);
		window(opens, closes);
		String uid = "survey-" + this.course + "-" + INSTRUMENT + "-post@assessment.coachapproach";

		String ics = feed("Sid Silent");
		VEvent event = new CalendarBuilder().build(new StringReader(ics))
			.<VEvent>getComponents("VEVENT")
			.stream()
			.filter(e -> e.getUid().map(u -> u.getValue().equals(uid)).orElse(false))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no event " + uid));
		assertThat(event.getSummary().getValue()).isEqualTo("Survey open: Mentor feedback on the training");
		// All day, from the opening day to the closing day inclusive (DTEND is the day after).
		assertThat(ics).contains("DTSTART;VALUE=DATE:" + DateTimeFormatter.BASIC_ISO_DATE.format(opens))
			.contains("DTEND;VALUE=DATE:" + DateTimeFormatter.BASIC_ISO_DATE.format(closes.plusDays(1)));
		assertThat(event.getProperty("DTSTART").orElseThrow().getValue())
			.isEqualTo(DateTimeFormatter.BASIC_ISO_DATE.format(opens));
		assertThat(event.getProperty("DTEND").orElseThrow().getValue())
			.isEqualTo(DateTimeFormatter.BASIC_ISO_DATE.format(closes.plusDays(1)));
		assertThat(event.getProperty("TRANSP").orElseThrow().getValue()).isEqualTo("TRANSPARENT");
		assertThat(event.getProperty("URL").orElseThrow().getValue()).endsWith("/surveys");
		assertThat(feed("Mo Mentee")).doesNotContain(uid);
		assertThat(feed("Sam Staff")).doesNotContain(uid);

		// Once closed, the window leaves the feed.
		this.clock.shift(Duration.ofDays(11));
		assertThat(feed("Sid Silent")).doesNotContain(uid);
	}

	@Test
	void shouldLetStaffPreviewBothReminders() {
		for (String template : List.of("survey-window-opening", "survey-window-closing")) {
			HttpResponse<String> preview = this.staff.get(this.launcher.tool("/outreach/preview/" + template));
			assertThat(preview.statusCode()).isEqualTo(200);
			assertThat(preview.body()).contains("Mentoring program survey (example)").contains("/surveys");
		}
	}

	private void window(LocalDate opens, LocalDate closes) {
		this.jdbc.sql("""
				INSERT INTO assessment_window (course_id, instrument_id, wave, opens_on, closes_on, updated_at)
				VALUES (?, ?, 'post', ?, ?, ?)""")
			.params(this.course, INSTRUMENT, opens, closes, Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Addresses this course's survey reminders of the kind were queued to. */
	private List<String> rows(String kind) {
		return this.jdbc.sql("SELECT recipient FROM outreach_outbox WHERE dedup_key LIKE ? AND kind = ?")
			.params("survey-window-%:" + this.course + ":%", "SURVEY_WINDOW_" + kind)
			.query(String.class)
			.list();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	private static String longDate(LocalDate date) {
		return DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
			.withLocale(java.util.Locale.ENGLISH)
			.format(date);
	}

	/**
	 * The survey reminders sent to an address. Only these: the scheduler runs the other modules'
	 * jobs (the weekly CFDS reminder to every roster, mentoring nudges) beside the test, and with
	 * the clock moved on they may mail the same people.
	 */
	private static List<MimeMessage> surveyMail(String address) {
		return TestSmtp.to(address).stream().filter(m -> subject(m).startsWith("Survey ")).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String feed(String name) throws Exception {
		long person = this.jdbc.sql("SELECT id FROM person WHERE display_name = ? AND subject LIKE ?")
			.params(name, "%" + this.tag).query(Long.class).single();
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.launcher.tool("/feeds/"
				+ this.feeds.tokenFor(program(), new PersonId(person)) + "/mine.ics"))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The test platform's program: everything program-wide here is its. */
	org.coachapproach.people.ProgramId program() {
		return this.people.program(platform.issuer(), TestPlatform.CLIENT_ID);
	}

}
