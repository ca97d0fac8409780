package org.coachapproach.people;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.curriculum.SeriesCategory;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outreach.FacultyList;
import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.ReminderKind;
import org.coachapproach.series.Attendance;
import org.coachapproach.series.ScheduledSession;
import org.coachapproach.series.SeriesSchedule;
import org.coachapproach.series.SessionDraft;
import org.coachapproach.series.internal.SeriesReminders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Programs (tenants) over real HTTP and real signed launches: two registrations at the same
 * issuer (as Canvas cloud has), each program seeing and changing only its own institution-level
 * data, and program powers from the institution role or a grant, never from a course role.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProgramTenancyTests {

	static final String INSTITUTION_ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	static final String COURSE_ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator";

	static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	static final List<String> PROGRAM_PAGES = List.of("/series/attendance", "/series/attendance.csv",
			"/series/schedule/new", "/outreach", "/outreach/preview/series-session");

	static TestPlatform first;

	static TestPlatform second;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	People people;

	@Autowired
	SeriesSchedule schedule;

	@Autowired
	Attendance attendance;

	@Autowired
	FacultyList faculty;

	@Autowired
	MailOutbox outbox;

	@Autowired
	SeriesReminders reminders;

	@Autowired
	JdbcClient jdbc;

	String tag;

	@BeforeAll
	static void startPlatforms() throws Exception {
		first = new TestPlatform();
		// Same issuer, another client id: a second institution on the same hosted platform.
		second = TestPlatform.withClientId("client-" + UUID.randomUUID());
	}

	@AfterAll
	static void stopPlatforms() {
		first.close();
		second.close();
	}

	@BeforeEach
	void register() {
		first.registerWith(this.registrations);
		second.registerWith(this.registrations);
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void shouldKeepEachProgramsInstitutionDataApart() throws Exception {
		Browser firstAdmin = launch(first, "first-admin", "course-first-" + this.tag, INSTITUTION_ADMINISTRATOR, null);
		Browser secondAdmin = launch(second, "second-admin", "course-second-" + this.tag, INSTITUTION_ADMINISTRATOR, null);
		ProgramId a = programOf(first);
		ProgramId b = programOf(second);
		assertThat(a).isNotEqualTo(b);

		String title = "First program only " + this.tag;
		assertThat(firstAdmin.post(tool("/series/schedule"), form(ZonedDateTime.now(ZoneId.of("UTC")).plusDays(9), title))
			.statusCode()).isEqualTo(302);
		String id = this.jdbc.sql("SELECT session_id FROM series_schedule WHERE title = ?").param(title)
			.query(String.class).single();
		this.faculty.importCsv(a, new StringReader("name,email,division,rank\nFay Faculty,fay-" + this.tag
				+ "@example.edu,Medicine,full\n"));
		long person = this.people.arrive(new Arrival(first.issuer(), first.clientId(), "attendee-" + this.tag, "Ada",
				null, "course-first-" + this.tag, null, null, java.util.Set.of(CourseRole.LEARNER), null, false))
			.person().value();
		this.attendance.record(a, new PersonId(person), "cfds-2022-10-04", Attendance.Source.JOIN,
				java.time.Instant.parse("2022-10-04T17:00:00Z"));

		// The second program's administrator sees its own (empty) program, none of the first's.
		assertThat(secondAdmin.get(tool("/series/schedule")).body()).doesNotContain(title);
		assertThat(secondAdmin.get(tool("/series/schedule/" + id + "/edit")).statusCode()).isEqualTo(404);
		assertThat(secondAdmin.get(tool("/outreach")).body()).contains("0 clinical faculty on the list.");
		assertThat(firstAdmin.get(tool("/outreach")).body()).contains("1 clinical faculty on the list.");
		assertThat(this.attendance.attended(b, new PersonId(person), "cfds-2022-10-04")).isFalse();
		assertThat(this.attendance.attended(a, new PersonId(person), "cfds-2022-10-04")).isTrue();

		// What it changes stays in its program.
		assertThat(secondAdmin.post(tool("/series/schedule/" + id + "/cancel"), Map.of()).statusCode()).isEqualTo(404);
		assertThat(this.schedule.find(a, id).map(s -> s.session().cancelled())).contains(false);
		assertThat(secondAdmin.post(tool("/outreach/switches"), Map.of()).statusCode()).isEqualTo(302);
		assertThat(this.outbox.enabled(b, ReminderKind.SERIES_SESSION)).isFalse();
		assertThat(this.outbox.enabled(a, ReminderKind.SERIES_SESSION)).isTrue();
		String own = "Second program only " + this.tag;
		secondAdmin.post(tool("/series/schedule"), form(ZonedDateTime.now(ZoneId.of("UTC")).plusDays(10), own));
		assertThat(firstAdmin.get(tool("/series/schedule")).body()).contains(title).doesNotContain(own);
	}

	@Test
	void shouldGiveProgramPowersOnlyToInstitutionAdministratorsAndThoseTheyGrant() {
		String course = "course-grant-" + this.tag;
		Browser courseAdmin = launch(first, "course-admin", course, COURSE_ADMINISTRATOR, null);
		Browser instructor = launch(first, "instructor", course, INSTRUCTOR, "staff");
		for (Browser browser : List.of(courseAdmin, instructor)) {
			for (String path : PROGRAM_PAGES) {
				assertThat(browser.get(tool(path)).statusCode()).as(path).isEqualTo(403);
			}
			assertThat(browser.get(tool("/program/staff")).statusCode()).isEqualTo(403);
		}
		Browser admin = launch(first, "institution-admin", course, INSTITUTION_ADMINISTRATOR, null);
		HttpResponse<String> page = admin.get(tool("/program/staff"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Make Ivy Instructor " + this.tag + " program staff");
		String instructorId = String.valueOf(personId("instructor"));

		// Another program's administrator cannot grant someone who is not in its courses.
		Browser otherAdmin = launch(second, "other-admin", "course-other-" + this.tag, INSTITUTION_ADMINISTRATOR, null);
		assertThat(otherAdmin.post(tool("/program/staff/grant"), Map.of("person", instructorId)).statusCode())
			.isEqualTo(400);
		assertThat(instructor.get(tool("/outreach")).statusCode()).isEqualTo(403);

		assertThat(admin.post(tool("/program/staff/grant"), Map.of("person", instructorId)).statusCode()).isEqualTo(302);
		for (String path : PROGRAM_PAGES) {
			assertThat(instructor.get(tool(path)).statusCode()).as(path).isEqualTo(200);
		}
		// A grant does not pass on the power to grant.
		assertThat(instructor.get(tool("/program/staff")).statusCode()).isEqualTo(403);
		assertThat(admin.get(tool("/program/staff")).body()).contains("made program staff by Ivy Institution-admin");

		assertThat(admin.post(tool("/program/staff/revoke"), Map.of("person", instructorId)).statusCode())
			.isEqualTo(302);
		for (String path : PROGRAM_PAGES) {
			assertThat(instructor.get(tool(path)).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM program_staff_grant_log WHERE person_id = ? AND acted_by = ?""")
			.params(Long.parseLong(instructorId), personId("institution-admin"))
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	/**
	 * Two registrations at one issuer (two developer keys in one Canvas) and one course: the
	 * course belongs to the program that launched it first, and a launch through the other
	 * registration is refused, so that program never reaches the course, its people or grades.
	 */
	@Test
	void shouldRefuseALaunchIntoAnotherProgramsCourse() {
		String course = "course-shared-" + this.tag;
		launch(first, "owner", course, INSTITUTION_ADMINISTRATOR, null);
		long members = this.jdbc.sql("SELECT COUNT(*) FROM membership m JOIN course c ON c.id = m.course_id WHERE c.context_id = ?")
			.param(course).query(Long.class).single();

		for (String who : List.of("intruder", "owner")) {
			assertThatThrownBy(() -> launch(second, who, course, INSTITUTION_ADMINISTRATOR, null))
				.as(who)
				.hasMessageContaining("launch refused: 403")
				.hasMessageContaining("already uses Coach Approach through another registration");
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM membership m JOIN course c ON c.id = m.course_id WHERE c.context_id = ?")
			.param(course).query(Long.class).single()).isEqualTo(members);
		assertThat(launch(first, "owner", course, INSTITUTION_ADMINISTRATOR, null).get(tool("/")).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRemindOnlyThePeopleOfTheProgramsOwnCourses() {
		launch(first, "learner-a", "course-remind-a-" + this.tag, LEARNER, "mentor");
		launch(second, "learner-b", "course-remind-b-" + this.tag, LEARNER, "mentor");
		ProgramId a = programOf(first);
		ZonedDateTime start = ZonedDateTime.now(ZoneId.of("UTC")).plusHours(5).truncatedTo(ChronoUnit.MINUTES);
		ScheduledSession session = this.schedule.schedule(a, new SessionDraft(start.toLocalDate(),
				start.toLocalTime(), start.getZone(), 60, "Reminded " + this.tag, SeriesCategory.PROFESSIONAL_LEADERSHIP,
				"Kevin Osei, MD", "Who hears of it.", "https://meet.example.edu/j/1", false), null);
		this.outbox.switchKind(a, ReminderKind.SERIES_SESSION, true, null);

		this.reminders.remind(a, session.session());

		List<String> recipients = this.jdbc.sql("SELECT recipient FROM outreach_outbox WHERE dedup_key LIKE ?")
			.param("series-session:" + session.session().id() + ":%")
			.query(String.class)
			.list();
		assertThat(recipients).contains(email("learner-a")).doesNotContain(email("learner-b"));
	}

	private Browser launch(TestPlatform platform, String who, String course, String role, String programRole) {
		return platform.signIn(tool(""), who + "-" + this.tag, claims -> claims
			.claim("name", name(who))
			.claim("email", email(who))
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", course, "title", "Course " + course))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
					programRole == null ? Map.of() : Map.of("program_role", programRole)));
	}

	private String name(String who) {
		String first = who.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + who.substring(1);
		return "Ivy " + first + " " + this.tag;
	}

	private String email(String who) {
		return who + "-" + this.tag + "@example.edu";
	}

	private long personId(String who) {
		return this.jdbc.sql("SELECT id FROM person WHERE subject = ?").param(who + "-" + this.tag)
			.query(Long.class).single();
	}

	private ProgramId programOf(TestPlatform platform) {
		return this.people.program(platform.issuer(), platform.clientId());
	}

	private static Map<String, String> form(ZonedDateTime start, String title) {
		Map<String, String> form = new HashMap<>();
		form.put("date", start.toLocalDate().toString());
		form.put("startTime", start.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
		form.put("timeZone", start.getZone().getId());
		form.put("durationMinutes", "60");
		form.put("title", title);
		form.put("category", "professional-leadership");
		form.put("presenter", "Kevin Osei, MD");
		form.put("summary", "Only for this program.");
		return form;
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
