package org.coachapproach.series;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.TestLaunches;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outreach.Launches;
import org.coachapproach.outreach.MailTest;
import org.coachapproach.outreach.MutableClock;
import org.coachapproach.people.PersonId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CFDS schedule over real HTTP: staff schedule (never in the past), everyone sees and
 * joins (attendance counted around the session, 303 to the meeting), and a recording is
 * published after the session only with the presenter's permission. Sessions here start
 * hours from now, and the clock moves forward, so the archive other tests see is untouched.
 */
@MailTest
class SeriesScheduleTests {

	static final ZoneId ZONE = ZoneId.of("America/Chicago");

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
	MutableClock clock;

	@Autowired
	org.coachapproach.curriculum.ProgramClock programClock;

	@Autowired
	Attendance attendance;

	@Autowired
	SeriesSchedule schedule;

	@Autowired
	org.coachapproach.curriculum.Curriculum curriculum;

	Launches launches;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void launcher() {
		this.launches = new Launches(platform, this.registrations, this.port);
	}

	@AfterEach
	void putClockBack() {
		this.clock.reset();
	}

	@Test
	void shouldRefuseASessionDatedInThePastAndSaveNothing() {
		Browser staff = this.launches.staff();
		String title = "Past session " + UUID.randomUUID();
		Map<String, String> form = form(ZonedDateTime.now(ZONE).minusDays(1), title, true);

		HttpResponse<String> refused = staff.post(tool("/series/schedule"), form);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("That date and time has passed: sessions can only be scheduled in the future.")
			.contains("value=\"" + title + "\"");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM series_schedule WHERE title = ?").param(title)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void shouldReportEveryBadFieldClearly() {
		Map<String, String> form = form(ZonedDateTime.now(ZONE).plusDays(3), " ", false);
		form.put("timeZone", "Mars/Olympus");
		form.put("joinUrl", "http://meet.example.edu/plain");
		HttpResponse<String> refused = this.launches.staff().post(tool("/series/schedule"), form);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Enter a time zone like America/Chicago.");

		form.put("timeZone", ZONE.getId());
		refused = this.launches.staff().post(tool("/series/schedule"), form);
		assertThat(refused.body()).contains("Enter a title").contains("The meeting link must be an https address.");
	}

	@Test
	void shouldShowAScheduledSessionInTheTimeZoneTheLaunchSent() {
		ZonedDateTime start = ZonedDateTime.now(ZONE).plusDays(2).withHour(10).truncatedTo(ChronoUnit.HOURS);
		String title = "Across time zones " + UUID.randomUUID();
		assertThat(this.launches.staff().post(tool("/series/schedule"), form(start, title, false)).statusCode())
			.isEqualTo(302);
		TestLaunches launch = new TestLaunches(platform, this.registrations, this.port);
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		Browser inTokyo = launch.launch("mentor-" + UUID.randomUUID(), claims -> claims.claim("locale", "en-US")
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
					Map.of("program_role", "mentor", "user_time_zone", tokyo.getId())));
		Browser unknown = launch.launch("mentor-" + UUID.randomUUID(), claims -> claims.claim("locale", "en-US")
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
					Map.of("program_role", "mentor", "user_time_zone", "$Person.address.timezone")));

		assertThat(article(inTokyo.get(tool("/series/schedule")).body(), title)).contains(when(start, tokyo));
		ZoneId program = this.programClock.zone();
		assertThat(article(unknown.get(tool("/series/schedule")).body(), title)).contains(when(start, program));
		assertThat(when(start, tokyo)).isNotEqualTo(when(start, program));
	}

	private static String when(ZonedDateTime start, ZoneId zone) {
		return java.time.format.DateTimeFormatter
			.ofLocalizedDateTime(java.time.format.FormatStyle.FULL, java.time.format.FormatStyle.SHORT)
			.withLocale(java.util.Locale.US)
			.format(start.withZoneSameInstant(zone)) + " (" + zone.getId() + ")";
	}

	/** The schedule's entry for the session of this title. */
	private static String article(String page, String title) {
		int at = page.indexOf(title);
		assertThat(at).as("the schedule lists " + title).isNotNegative();
		return page.substring(page.lastIndexOf("<article", at), page.indexOf("</article>", at));
	}

	@Test
	void shouldShowAnUpcomingSessionToEveryoneAndJoinRecordsAttendanceDuringTheSession() {
		ZonedDateTime start = ZonedDateTime.now(ZONE).plusHours(3).truncatedTo(ChronoUnit.MINUTES);
		String title = "Public speaking " + UUID.randomUUID();
		HttpResponse<String> scheduled = this.launches.staff().post(tool("/series/schedule"), form(start, title, false));
		assertThat(scheduled.statusCode()).isEqualTo(302);
		// the page model (member, viewerZone) is not added to a redirect, whose model becomes its query
		assertThat(scheduled.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/series/schedule?saved"));
		String id = idOf(title);
		String subject = "mentor-" + UUID.randomUUID();
		Browser mentor = this.launches.mentor(subject);

		String page = mentor.get(tool("/series/schedule")).body();
		assertThat(page).contains(title).contains("Join: " + title).contains("This session will not be recorded.")
			.doesNotContain("Cancel the session: " + title);

		HttpResponse<String> early = mentor.post(tool("/series/" + id + "/join"), Map.of());
		assertThat(early.statusCode()).isEqualTo(303);
		assertThat(early.headers().firstValue("Location")).hasValue("https://meet.example.edu/j/" + title.hashCode());
		assertThat(this.attendance.attended(program(), person(subject), id)).as("a join hours early is not attendance").isFalse();

		advance(Duration.ofHours(3).plusMinutes(5), mentor);
		HttpResponse<String> during = mentor.post(tool("/series/" + id + "/join"), Map.of());
		assertThat(during.statusCode()).isEqualTo(303);
		assertThat(this.attendance.attended(program(), person(subject), id)).isTrue();
	}

	@Test
	void shouldPublishARecordingOnlyWithThePresentersPermission() {
		Browser staff = this.launches.staff();
		ZonedDateTime start = ZonedDateTime.now(ZONE).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
		String allowed = "Recorded session " + UUID.randomUUID();
		String refused = "Unrecorded session " + UUID.randomUUID();
		staff.post(tool("/series/schedule"), form(start, allowed, true));
		staff.post(tool("/series/schedule"), form(start, refused, false));
		String allowedId = idOf(allowed);
		String refusedId = idOf(refused);
		String video = "https://www.youtube-nocookie.com/embed/rec" + Math.abs(allowed.hashCode());

		HttpResponse<String> tooEarly = staff.post(tool("/series/schedule/" + allowedId + "/recording"),
				Map.of("recordingUrl", video, "captions", "available", "captionsUrl", ""));
		assertThat(tooEarly.statusCode()).isEqualTo(400);
		assertThat(tooEarly.body()).contains("The session has not ended yet");

		advance(Duration.ofHours(3).plusMinutes(30), staff);
		assertThat(staff.get(tool("/series/schedule")).body()).contains(allowed).contains(refused)
			.contains("The presenter did not give permission to record: no recording can be published.");
		HttpResponse<String> withoutPermission = staff.post(tool("/series/schedule/" + refusedId + "/recording"),
				Map.of("recordingUrl", video, "captions", "available", "captionsUrl", ""));
		assertThat(withoutPermission.statusCode()).isEqualTo(400);
		assertThat(withoutPermission.body()).contains("did not give permission to record this session");
		assertThat(recordingUrl(refusedId)).isNull();
		assertThat(staff.get(tool("/series/" + refusedId)).body()).contains("did not give permission to record it")
			.doesNotContain(video);

		HttpResponse<String> published = staff.post(tool("/series/schedule/" + allowedId + "/recording"),
				Map.of("recordingUrl", video, "captions", "pending", "captionsUrl", ""));
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(recordingUrl(allowedId)).isEqualTo(video);
		assertThat(staff.get(tool("/series/" + allowedId)).body()).contains("<iframe src=\"" + video + "\"");
		assertThat(staff.get(tool("/series?q=" + allowed.substring(allowed.length() - 12))).body())
			.contains("1 session matches");
	}

	@Test
	void shouldCancelAnUpcomingSessionAndRefuseScheduleChangesToAMentor() {
		String title = "Cancelled session " + UUID.randomUUID();
		Browser staff = this.launches.staff();
		staff.post(tool("/series/schedule"), form(ZonedDateTime.now(ZONE).plusDays(5), title, false));
		String id = idOf(title);
		Browser mentor = this.launches.mentor("mentor-" + UUID.randomUUID());
		assertThat(mentor.post(tool("/series/schedule"), form(ZonedDateTime.now(ZONE).plusDays(6), "x", false))
			.statusCode()).isEqualTo(403);
		assertThat(mentor.post(tool("/series/schedule/" + id + "/cancel"), Map.of()).statusCode()).isEqualTo(403);

		assertThat(staff.post(tool("/series/schedule/" + id + "/cancel"), Map.of()).statusCode()).isEqualTo(302);
		String page = mentor.get(tool("/series/schedule")).body();
		assertThat(page).contains(title).contains("Cancelled").doesNotContain("Join: " + title);
		assertThat(mentor.post(tool("/series/" + id + "/join"), Map.of()).statusCode()).isEqualTo(404);
	}

	/**
	 * A session edited in its file (moved, retitled) must reach subscribed calendars as a change:
	 * its SEQUENCE rises once, and not again while the file stays as it is.
	 */
	@Test
	void shouldRaiseTheSequenceOfASessionChangedInItsFileOnce() throws InterruptedException {
		SeriesSession fileSession = this.curriculum.series().stream()
			.filter(s -> this.jdbc.sql("SELECT COUNT(*) FROM series_schedule WHERE session_id = ?").param(s.id())
				.query(Integer.class).single() == 0)
			.findFirst()
			.orElseThrow();
		int before = this.schedule.find(program(), fileSession.id()).orElseThrow().sequence();
		// As if the file had said something else when the tool last read it.
		this.jdbc.sql("UPDATE series_file_revision SET fingerprint = REPEAT('0', 64) WHERE session_id = ?")
			.param(fileSession.id()).update();

		Thread.sleep(SeriesSchedule.KEPT.toMillis() + 100);
		ScheduledSession changed = this.schedule.find(program(), fileSession.id()).orElseThrow();
		Thread.sleep(SeriesSchedule.KEPT.toMillis() + 100);
		ScheduledSession again = this.schedule.find(program(), fileSession.id()).orElseThrow();

		assertThat(changed.sequence()).isEqualTo(before + 1);
		assertThat(changed.updatedAt()).isNotNull();
		assertThat(again.sequence()).isEqualTo(before + 1);
	}

	@Test
	void shouldFingerprintOnlyWhatACalendarShows() {
		SeriesSession s = this.curriculum.series().get(0);
		SeriesSession moved = new SeriesSession(s.id(), s.academicYear(), s.date(), s.startTime().plusHours(1),
				s.timeZone(), s.durationMinutes(), s.title(), s.category(), s.presenter(), s.summary(), s.recordingUrl(),
				s.captions(), s.captionsUrl(), s.transcriptUrl(), s.example(), s.joinUrl(), s.permissionToRecord(),
				s.cancelled());
		SeriesSession captioned = new SeriesSession(s.id(), s.academicYear(), s.date(), s.startTime(), s.timeZone(),
				s.durationMinutes(), s.title(), s.category(), s.presenter(), s.summary(), s.recordingUrl(),
				SeriesSession.Captions.AVAILABLE, "https://media.example.edu/c.vtt", "https://media.example.edu/t.txt", s.example(),
				s.joinUrl(), s.permissionToRecord(), s.cancelled());

		assertThat(SeriesSchedule.fingerprint(moved)).isNotEqualTo(SeriesSchedule.fingerprint(s));
		assertThat(SeriesSchedule.fingerprint(captioned)).isEqualTo(SeriesSchedule.fingerprint(s));
	}

	static Map<String, String> form(ZonedDateTime start, String title, boolean permission) {
		Map<String, String> form = new HashMap<>();
		form.put("date", start.toLocalDate().toString());
		form.put("startTime", start.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
		form.put("timeZone", start.getZone().getId());
		form.put("durationMinutes", "60");
		form.put("title", title);
		form.put("category", "professional-leadership");
		form.put("presenter", "Kevin Osei, MD");
		form.put("summary", "Speaking to a room, and to a camera.");
		form.put("joinUrl", "https://meet.example.edu/j/" + title.hashCode());
		if (permission) {
			form.put("permissionToRecord", "true");
		}
		return form;
	}

	private String idOf(String title) {
		return this.jdbc.sql("SELECT session_id FROM series_schedule WHERE title = ?").param(title)
			.query(String.class).single();
	}

	private String recordingUrl(String id) {
		return this.jdbc.sql("SELECT recording_url FROM series_schedule WHERE session_id = ?").param(id)
			.query(String.class).optional().orElse(null);
	}

	private PersonId person(String subject) {
		return new PersonId(this.jdbc.sql("SELECT id FROM person WHERE subject = ?").param(subject)
			.query(Long.class).single());
	}

	private String tool(String path) {
		return this.launches.tool(path);
	}

	/** The test platform's program: everything program-wide here is its. */
	org.coachapproach.people.ProgramId program() {
		return this.people.program(platform.issuer(), TestPlatform.CLIENT_ID);
	}


	/**
	 * Moves the clock forward as hours of use: in steps shorter than the sessions' idle
	 * timeout, each browser making a request after each step, as a person working on would.
	 */
	private void advance(Duration total, Browser... inUse) {
		Duration step = Duration.ofMinutes(50);
		for (Duration elapsed = Duration.ZERO; elapsed.compareTo(total) < 0; ) {
			elapsed = elapsed.plus(step).compareTo(total) < 0 ? elapsed.plus(step) : total;
			this.clock.shift(elapsed);
			for (Browser browser : inUse) {
				assertThat(browser.get(tool("/")).statusCode()).isEqualTo(200);
			}
		}
	}

}
