package org.coachapproach.matching;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.matching.internal.MentoringNudges;
import org.coachapproach.outreach.FeedTokens;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.MailTest;
import org.coachapproach.outreach.MutableClock;
import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.outreach.TestSmtp;
import org.coachapproach.outreach.internal.OutboxSender;
import org.coachapproach.people.CourseId;
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
 * A published pair reaching outside the tool, through the real outbox, SMTP server and feed:
 * the nudge by email once per reminder period (never with meeting notes), not after a recent
 * meeting, not while staff have it off, not to someone without an address; the agreed meeting
 * on both people's own calendar feeds.
 */
@MailTest
class MentoringOutreachTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

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
	MentoringNudges nudges;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	MutableClock clock;

	@Autowired
	Matching matching;

	@Autowired
	FeedTokens feeds;

	@Value("${coachapproach.curriculum.time-zone:UTC}")
	ZoneId zone;

	ProgramLaunch launcher;

	String contextId;

	String tag;

	String mentorEmail;

	String menteeEmail;

	Browser mentor;

	Browser mentee;

	Browser staff;

	long pair;

	int period;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void publishedPair() {
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		this.contextId = "nudges-" + this.tag;
		this.mentorEmail = "mara-" + this.tag + "@example.edu";
		this.menteeEmail = "theo-" + this.tag + "@example.edu";
		this.launcher = new ProgramLaunch(platform, this.port, this.registrations, this.contextId);
		this.mentor = this.launcher.launch("mentor-" + this.tag, "Mara Mentor", ProgramLaunch.LEARNER, "mentor",
				this.mentorEmail);
		this.mentee = this.launcher.launch("mentee-" + this.tag, "Theo Mentee", ProgramLaunch.LEARNER, "mentee",
				this.menteeEmail);
		// An institution administrator: the email previews are program staff's.
		this.staff = this.launcher.launch("staff-" + this.tag, "Sam Staff",
				"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", "staff");
		this.pair = this.launcher.publishPair(this.mentor, this.mentee, this.staff, this.jdbc);
		long course = this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(this.contextId).query(Long.class).single();
		this.period = this.matching.reminderDays(new CourseId(course));
	}

	@AfterEach
	void putBack() {
		this.clock.reset();
		this.outbox.switchKind(program(), ReminderKind.MENTORING_NUDGE, true, null);
	}

	@Test
	void shouldNudgeBothPeopleOncePerPeriodWithoutNotesAlsoWhenTheJobRunsTwice() throws Exception {
		LocalDate lastMet = today().minusDays(this.period + 2L);
		this.jdbc.sql("UPDATE matching_pair SET published_at = published_at - INTERVAL ? DAY WHERE id = ?")
			.params(this.period + 10, this.pair).update();
		assertThat(this.mentee.post(tool("/matching/pairs/" + this.pair + "/meetings"),
				meeting(lastMet, "Tenure file " + this.tag, "Private worry " + this.tag)).statusCode()).isEqualTo(302);

		this.nudges.nudgeDue();
		this.nudges.nudgeDue();
		assertThat(rows()).containsExactlyInAnyOrder(this.mentorEmail, this.menteeEmail);
		this.sender.drain();
		this.nudges.nudgeDue();
		this.sender.drain();

		List<MimeMessage> toMentee = TestSmtp.to(this.menteeEmail);
		List<MimeMessage> toMentor = TestSmtp.to(this.mentorEmail);
		assertThat(toMentee).hasSize(1);
		assertThat(toMentor).hasSize(1);
		assertThat(toMentee.get(0).getSubject()).isEqualTo("Mentoring: time to meet Mara Mentor");
		assertThat(toMentor.get(0).getSubject()).isEqualTo("Mentoring: time to meet Theo Mentee");
		String text = TestSmtp.part(toMentee.get(0), "text/plain");
		String html = TestSmtp.part(toMentee.get(0), "text/html");
		assertThat(text).contains("Hello Theo Mentee,")
			.contains("Your last logged meeting with Mara Mentor, your mentor, was on")
			.contains((this.period + 2) + " days ago")
			.contains("/matching/pairs/" + this.pair)
			.contains("/unsubscribe/");
		assertThat(html).contains("href=\"http://localhost:").contains("/matching/pairs/" + this.pair + "\"")
			.contains("<main").contains("lang=\"en\"");
		assertThat(toMentee.get(0).getHeader("List-Unsubscribe")).isNotEmpty();
		for (MimeMessage message : List.of(toMentee.get(0), toMentor.get(0))) {
			assertThat(TestSmtp.part(message, "text/plain") + TestSmtp.part(message, "text/html"))
				.doesNotContain("Private worry").doesNotContain("Tenure file");
		}

		// A period later, the next nudge; again only once.
		this.clock.shift(Duration.ofDays(this.period));
		this.nudges.nudgeDue();
		this.nudges.nudgeDue();
		this.sender.drain();
		assertThat(TestSmtp.to(this.menteeEmail)).hasSize(2);
		assertThat(TestSmtp.to(this.mentorEmail)).hasSize(2);
		assertThat(this.jdbc.sql("SELECT DISTINCT dedup_key FROM outreach_outbox WHERE dedup_key LIKE ? ORDER BY dedup_key")
			.param("mentoring-nudge:" + this.pair + ":%").query(String.class).list())
			.containsExactly("mentoring-nudge:" + this.pair + ":" + lastMet + ":1",
					"mentoring-nudge:" + this.pair + ":" + lastMet + ":2");
	}

	@Test
	void shouldNotNudgeAPairThatLoggedAMeetingRecently() {
		this.jdbc.sql("UPDATE matching_pair SET published_at = published_at - INTERVAL ? DAY WHERE id = ?")
			.params(this.period + 5, this.pair).update();
		assertThat(this.mentor.post(tool("/matching/pairs/" + this.pair + "/meetings"),
				meeting(today().minusDays(1), "Catch-up", null)).statusCode()).isEqualTo(302);

		this.nudges.nudgeDue();

		assertThat(rows()).isEmpty();
	}

	@Test
	void shouldNotNudgeAPairThatAgreedOnAComingMeeting() {
		this.jdbc.sql("UPDATE matching_pair SET published_at = published_at - INTERVAL ? DAY WHERE id = ?")
			.params(this.period + 5, this.pair).update();
		LocalDateTime at = LocalDateTime.now(this.zone).plusDays(3).truncatedTo(ChronoUnit.HOURS);
		assertThat(this.mentor.post(tool("/matching/pairs/" + this.pair + "/times"),
				Map.of("time", at.toString(), "duration", "45")).statusCode()).isEqualTo(302);
		long time = this.jdbc.sql("SELECT id FROM matching_time_proposal WHERE pair_id = ?").param(this.pair)
			.query(Long.class).single();
		this.nudges.nudgeDue();
		assertThat(rows()).as("a proposal not yet accepted does not count").isNotEmpty();
		this.jdbc.sql("DELETE FROM outreach_outbox WHERE dedup_key LIKE ?").param("mentoring-nudge:" + this.pair + ":%").update();

		assertThat(this.mentee.post(tool("/matching/pairs/" + this.pair + "/times/" + time + "/accept"), Map.of())
			.statusCode()).isEqualTo(302);
		this.nudges.nudgeDue();

		assertThat(rows()).isEmpty();
	}

	@Test
	void shouldNudgeAPairThatNeverMetOnlyOnceThePeriodHasPassed() throws Exception {
		this.jdbc.sql("UPDATE matching_pair SET published_at = published_at - INTERVAL ? DAY WHERE id = ?")
			.params(this.period - 1, this.pair).update();
		this.nudges.nudgeDue();
		assertThat(rows()).isEmpty();

		this.clock.shift(Duration.ofDays(1));
		this.nudges.nudgeDue();
		assertThat(rows()).containsExactlyInAnyOrder(this.mentorEmail, this.menteeEmail);
		this.sender.drain();
		assertThat(TestSmtp.part(TestSmtp.to(this.mentorEmail).get(0), "text/plain"))
			.contains("You and Theo Mentee, your mentee, have not logged a meeting since you were matched " + this.period
					+ " days ago.");
	}

	@Test
	void shouldCountAfreshFromAMeetingLoggedAfterANudge() throws Exception {
		this.jdbc.sql("UPDATE matching_pair SET published_at = published_at - INTERVAL ? DAY WHERE id = ?")
			.params(this.period + 1, this.pair).update();
		this.nudges.nudgeDue();
		assertThat(rows()).hasSize(2);
		assertThat(this.mentor.post(tool("/matching/pairs/" + this.pair + "/meetings"),
				meeting(today(), "Catch-up", null)).statusCode()).isEqualTo(302);

		// A whole period after that meeting: the first period again, yet a new nudge.
		this.clock.shift(Duration.ofDays(this.period));
		this.nudges.nudgeDue();
		this.nudges.nudgeDue();
		this.sender.drain();

		assertThat(rows()).hasSize(4);
		assertThat(TestSmtp.to(this.menteeEmail)).hasSize(2);
		assertThat(TestSmtp.part(TestSmtp.to(this.menteeEmail).get(1), "text/plain"))
			.contains("Your last logged meeting with Mara Mentor, your mentor, was on");
	}

	@Test
	void shouldNotNudgeWhileStaffHaveTheKindSwitchedOff() {
		this.jdbc.sql("UPDATE matching_pair SET published_at = published_at - INTERVAL ? DAY WHERE id = ?")
			.params(this.period + 1, this.pair).update();
		this.outbox.switchKind(program(), ReminderKind.MENTORING_NUDGE, false, null);

		assertThat(this.nudges.nudgeDue()).isZero();
		assertThat(rows()).isEmpty();

		this.outbox.switchKind(program(), ReminderKind.MENTORING_NUDGE, true, null);
		this.nudges.nudgeDue();
		assertThat(rows()).hasSize(2);
	}

	@Test
	void shouldSkipAPersonWithoutAnEmailAddress() {
		this.jdbc.sql("UPDATE person SET email = NULL WHERE id = ?").param(person("Theo Mentee")).update();
		this.jdbc.sql("UPDATE matching_pair SET published_at = published_at - INTERVAL ? DAY WHERE id = ?")
			.params(this.period + 1, this.pair).update();

		this.nudges.nudgeDue();

		assertThat(rows()).containsExactly(this.mentorEmail);
	}

	@Test
	void shouldLetStaffPreviewTheNudge() {
		HttpResponse<String> preview = this.staff.get(tool("/outreach/preview/mentoring-nudge"));
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("Mentoring: time to meet Jordan Example")
			.contains("Time for a mentoring meeting").contains("/matching/meetings");
		assertThat(this.mentor.get(tool("/outreach/preview/mentoring-nudge")).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldPutTheAgreedMeetingOnBothPeoplesOwnFeedsWithoutNotes() throws Exception {
		LocalDateTime at = LocalDateTime.now(this.zone).plusDays(5).truncatedTo(ChronoUnit.HOURS);
		assertThat(this.mentor.post(tool("/matching/pairs/" + this.pair + "/times"),
				Map.of("time", at.toString(), "duration", "45")).statusCode()).isEqualTo(302);
		long time = this.jdbc.sql("SELECT id FROM matching_time_proposal WHERE pair_id = ?").param(this.pair)
			.query(Long.class).single();
		String uid = "meeting-" + time + "@mentoring.coachapproach";
		String menteeFeed = tool("/feeds/" + this.feeds.tokenFor(program(), new PersonId(person("Theo Mentee"))) + "/mine.ics");
		assertThat(get(menteeFeed)).doesNotContain(uid);

		assertThat(this.mentee.post(tool("/matching/pairs/" + this.pair + "/times/" + time + "/accept"), Map.of())
			.statusCode()).isEqualTo(302);
		this.mentee.post(tool("/matching/pairs/" + this.pair + "/meetings"),
				meeting(today(), "Topics " + this.tag, "Note " + this.tag));

		String ics = get(menteeFeed);
		assertThat(ics).doesNotContain(this.tag);
		VEvent forMentee = event(new CalendarBuilder().build(new StringReader(ics)), uid);
		assertThat(forMentee.getSummary().getValue()).isEqualTo("Mentoring meeting with Mara Mentor");
		String start = at.atZone(this.zone).withZoneSameInstant(ZoneId.of("UTC")).toLocalDateTime().toString()
			.replace("-", "").replace(":", "");
		assertThat(forMentee.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo(start.substring(0, 13) + "00Z");
		assertThat(forMentee.getProperty("DTEND").orElseThrow().getValue()).isEqualTo(start.substring(0, 11) + "4500Z");
		assertThat(forMentee.getProperty("URL").orElseThrow().getValue()).endsWith("/matching/pairs/" + this.pair);

		String mentorIcs = get(tool("/feeds/" + this.feeds.tokenFor(program(), new PersonId(person("Mara Mentor"))) + "/mine.ics"));
		assertThat(event(new CalendarBuilder().build(new StringReader(mentorIcs)), uid).getSummary().getValue())
			.isEqualTo("Mentoring meeting with Theo Mentee");
		assertThat(get(tool("/feeds/" + this.feeds.tokenFor(program(), new PersonId(person("Sam Staff"))) + "/mine.ics")))
			.doesNotContain(uid);
	}

	/** Addresses the pair's nudges were queued to. */
	private List<String> rows() {
		return this.jdbc.sql("SELECT recipient FROM outreach_outbox WHERE dedup_key LIKE ? AND kind = 'MENTORING_NUDGE'")
			.param("mentoring-nudge:" + this.pair + ":%")
			.query(String.class)
			.list();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	private static Map<String, String> meeting(LocalDate date, String topics, String note) {
		return ProgramLaunch.meeting(date.toString(), "30", topics, note);
	}

	private long person(String name) {
		return this.launcher.person(this.jdbc, name);
	}

	private static VEvent event(Calendar calendar, String uid) {
		return calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.filter(e -> e.getUid().map(u -> u.getValue().equals(uid)).orElse(false))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no event " + uid));
	}

	private static String get(String url) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private String tool(String path) {
		return this.launcher.tool(path);
	}

	/** The test platform's program: everything program-wide here is its. */
	org.coachapproach.people.ProgramId program() {
		return this.people.program(platform.issuer(), TestPlatform.CLIENT_ID);
	}

}
