package org.coachapproach.matching;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.PersonId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A published pair's meetings over real HTTP: logging (notes private to the author), refusals,
 * proposed times and the invitation, the reminder, and staff's figures.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MeetingsTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Value("${coachapproach.curriculum.time-zone:UTC}")
	ZoneId zone;

	@Autowired
	Mentoring mentoring;

	ProgramLaunch launcher;

	String contextId;

	Browser mentor;

	Browser mentee;

	Browser staff;

	long pair;

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
		this.contextId = "meetings-" + UUID.randomUUID();
		this.launcher = new ProgramLaunch(platform, this.port, this.registrations, this.contextId);
		this.mentor = this.launcher.mentor("mentor-" + UUID.randomUUID(), "Mara Mentor");
		this.mentee = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Theo Mentee");
		this.staff = this.launcher.staff("staff-" + UUID.randomUUID(), "Sam Staff");
		this.pair = this.launcher.publishPair(this.mentor, this.mentee, this.staff, this.jdbc);
	}

	@Test
	void shouldLogAMeetingBothSeeWithTheNoteOnlyForItsAuthor() {
		LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		HttpResponse<String> logged = this.mentee.post(tool("/matching/pairs/" + this.pair + "/meetings"),
				meeting(yesterday.toString(), "45", "Promotion dossier; next steps", "Secret: I feel like an imposter"));
		assertThat(logged.statusCode()).isEqualTo(302);

		String menteePage = this.mentee.follow(logged).body();
		assertThat(menteePage).contains("The meeting is logged").contains("Promotion dossier; next steps")
			.contains("Secret: I feel like an imposter").contains("logged by you");
		String mentorPage = this.mentor.get(tool("/matching/pairs/" + this.pair)).body();
		assertThat(mentorPage).contains("Promotion dossier; next steps").contains("logged by your partner")
			.doesNotContain("Secret: I feel like an imposter");
		assertThat(this.mentee.get(tool("/")).body()).contains("Your mentor: Mara Mentor").contains("Last met on");
		assertThat(this.mentoring.publishedPairsOf(new PersonId(person("Mara Mentor")))).singleElement()
			.satisfies(p -> assertThat(p.lastMet()).isEqualTo(yesterday));

		// Staff never see a note: not on the figures page, nor the pair page.
		assertThat(this.staff.get(tool("/matching/figures")).body()).contains("Meeting figures")
			.doesNotContain("imposter");
		assertThat(this.staff.get(tool("/matching/pairs/" + this.pair)).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldRefuseAFarFutureMeetingAndSomeoneElsesPairAndSaveNothing() {
		HttpResponse<String> future = this.mentor.post(tool("/matching/pairs/" + this.pair + "/meetings"),
				meeting(LocalDate.now(ZoneOffset.UTC).plusYears(1).toString(), "60", "Plans", null));
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(future.body()).contains("Nothing was saved").contains("is in the future");
		assertThat(this.mentor.post(tool("/matching/pairs/" + this.pair + "/meetings"),
				meeting(LocalDate.now(ZoneOffset.UTC).toString(), "0", "Plans", null)).body())
			.contains("The length must be a whole number of minutes from 5 to 480");
		Map<String, String> unknownBehaviour = meeting(LocalDate.now(ZoneOffset.UTC).toString(), "30", "Plans", null);
		unknownBehaviour.put("behaviours", "mind-reading");
		assertThat(this.mentor.post(tool("/matching/pairs/" + this.pair + "/meetings"), unknownBehaviour).body())
			.contains("There is no coaching competency &quot;mind-reading&quot;");

		Browser stranger = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Sol Stranger");
		HttpResponse<String> foreign = stranger.post(tool("/matching/pairs/" + this.pair + "/meetings"),
				meeting(LocalDate.now(ZoneOffset.UTC).toString(), "60", "Not mine", null));
		assertThat(foreign.statusCode()).isEqualTo(403);
		assertThat(foreign.body()).contains("This is not one of your mentoring pairs");
		assertThat(stranger.get(tool("/matching/pairs/" + this.pair)).statusCode()).isEqualTo(403);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM matching_meeting WHERE pair_id = ?").param(this.pair)
			.query(Long.class).single()).isZero();
	}

	@Test
	void shouldProposeTimesLetThePartnerAcceptOneAndOfferTheInvitation() {
		LocalDateTime first = LocalDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.HOURS);
		Map<String, String> times = new LinkedHashMap<>(Map.of("time", first.toString(), "duration", "45"));
		HttpResponse<String> proposed = this.mentor.post(tool("/matching/pairs/" + this.pair + "/times"), times);
		assertThat(proposed.statusCode()).isEqualTo(302);
		assertThat(this.mentor.post(tool("/matching/pairs/" + this.pair + "/times"),
				Map.of("time", LocalDateTime.now(ZoneOffset.UTC).minusDays(1).withNano(0).toString(), "duration", "45"))
			.statusCode()).isEqualTo(400);

		long time = this.jdbc.sql("SELECT id FROM matching_time_proposal WHERE pair_id = ?").param(this.pair)
			.query(Long.class).single();
		// The proposer cannot accept their own time; the partner can.
		assertThat(this.mentor.post(tool("/matching/pairs/" + this.pair + "/times/" + time + "/accept"), Map.of())
			.body()).contains("You proposed this time");
		String invitationUrl = tool("/matching/pairs/" + this.pair + "/times/" + time + "/invitation.ics");
		assertThat(this.mentee.get(invitationUrl).statusCode()).isEqualTo(404);
		HttpResponse<String> accepted = this.mentee.post(tool("/matching/pairs/" + this.pair + "/times/" + time + "/accept"),
				Map.of());
		assertThat(accepted.statusCode()).isEqualTo(302);
		assertThat(this.mentee.follow(accepted).body()).contains("The time is agreed").contains("invitation.ics");

		HttpResponse<String> ics = this.mentee.get(invitationUrl);
		assertThat(ics.statusCode()).isEqualTo(200);
		assertThat(ics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
		assertThat(ics.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		// the proposed time is the program's local time; the invitation gives it in UTC
		String start = first.atZone(this.zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().toString()
			.replace("-", "").replace(":", "") + "00Z";
		assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nUID:" + Meetings.meetingUid(time) + "\r\n")
			.contains("\r\nDTSTART:" + start.substring(0, 15) + "Z\r\n").containsPattern("\r\nDTSTAMP:\\d{8}T\\d{6}Z\r\n")
			.contains("SUMMARY:Mentoring meeting: Theo Mentee and Mara Mentor");
		assertThat(this.launcher.mentee("mentee-" + UUID.randomUUID(), "Sol Stranger").get(invitationUrl).statusCode())
			.isEqualTo(403);
		assertThat(this.mentoring.scheduledMeetings(new PersonId(person("Theo Mentee")), java.time.Instant.now()))
			.singleElement().satisfies(m -> assertThat(m.durationMinutes()).isEqualTo(45));
	}

	@Test
	void shouldRemindThePairWhenNoMeetingIsLoggedForTheCoursesPeriod() {
		assertThat(this.mentee.get(tool("/")).body()).doesNotContain("No meeting logged for");
		Map<String, String> settings = new LinkedHashMap<>(Map.of("reminderDays", "30"));
		Map.of("division", 10, "specialty", 30, "gender-identity", 20, "race-ethnicity", 10, "professional-interests", 25,
				"non-professional-interests", 5).forEach((id, w) -> settings.put("weight." + id, "" + w));
		assertThat(this.staff.post(tool("/matching/settings"), settings).statusCode()).isEqualTo(302);
		this.jdbc.sql("UPDATE matching_pair SET published_at = published_at - INTERVAL 40 DAY WHERE id = ?").param(this.pair)
			.update();

		assertThat(this.mentee.get(tool("/")).body()).contains("No meeting logged for 40 days");
		assertThat(this.mentor.get(tool("/matching/pairs/" + this.pair)).body()).contains("No meeting logged for 40 days");

		this.mentor.post(tool("/matching/pairs/" + this.pair + "/meetings"),
				meeting(LocalDate.now(ZoneOffset.UTC).toString(), "30", "Catch-up", null));
		assertThat(this.mentee.get(tool("/")).body()).doesNotContain("No meeting logged for");
	}

	@Test
	void shouldSuppressSmallCellsInStaffFigures() {
		String figures = this.staff.get(tool("/matching/figures")).body();
		// One pair: every share would point at a person.
		assertThat(figures).contains("1 pairs are published").contains("Not shown: too few people")
			.doesNotContainPattern("\\d+ % \\(");
		assertThat(this.mentor.get(tool("/matching/figures")).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldShowStaffTheSharesOnceEveryCellHasFivePeople() {
		for (int k = 0; k < 4; k++) {
			Browser mentor = this.launcher.mentor("mentor-" + UUID.randomUUID(), "Mentor " + k);
			Browser mentee = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Mentee " + k);
			mentor.post(tool("/matching/intake"), MatchingTests.intake("nephrology", "woman", "none", false, "1", null));
			mentee.post(tool("/matching/intake"), MatchingTests.intake("nephrology", "man", "none", false, null, null));
		}
		this.staff.post(tool("/matching/run"), Map.of());
		long proposal = this.jdbc.sql("""
				SELECT MAX(p.id) FROM matching_proposal p JOIN course c ON c.id = p.course_id WHERE c.context_id = ?""")
			.param(this.contextId).query(Long.class).single();
		assertThat(this.staff.post(tool("/matching/publish"), Map.of("proposal", "" + proposal)).statusCode()).isEqualTo(302);
		// Every pair met once (one logged twice, by both people: still one meeting), two of them twice.
		java.util.List<Long> pairs = this.jdbc.sql("""
				SELECT p.id FROM matching_pair p JOIN course c ON c.id = p.course_id WHERE c.context_id = ? AND p.ended_at IS NULL""")
			.param(this.contextId).query(Long.class).list();
		assertThat(pairs).hasSize(5).contains(this.pair);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (long id : pairs) {
			this.jdbc.sql("""
					INSERT INTO matching_meeting (pair_id, logged_by, met_on, duration_minutes, format, content_hash, created_at)
					SELECT id, mentor_id, ?, 30, 'VIDEO', 'x', NOW(6) FROM matching_pair WHERE id = ?""")
				.params(java.sql.Date.valueOf(today), id).update();
		}
		this.mentee.post(tool("/matching/pairs/" + this.pair + "/meetings"), meeting(today.toString(), "30", "Same meeting", null));
		for (long id : pairs.subList(0, 2)) {
			this.jdbc.sql("""
					INSERT INTO matching_meeting (pair_id, logged_by, met_on, duration_minutes, format, content_hash, created_at)
					SELECT id, mentee_id, ?, 30, 'PHONE', 'x', NOW(6) FROM matching_pair WHERE id = ?""")
				.params(java.sql.Date.valueOf(today.minusDays(3)), id).update();
		}

		String figures = this.staff.get(tool("/matching/figures")).body();
		assertThat(figures).contains("5 pairs are published").contains("100 % (5 of 5)").contains("mean 1.4, median 1.0");
	}

	private static Map<String, String> meeting(String date, String minutes, String topics, String note) {
		return ProgramLaunch.meeting(date, minutes, topics, note);
	}

	private long person(String name) {
		return this.launcher.person(this.jdbc, name);
	}

	private String tool(String path) {
		return this.launcher.tool(path);
	}

}
