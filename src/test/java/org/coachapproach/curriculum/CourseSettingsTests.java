package org.coachapproach.curriculum;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;
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
 * Course settings over real HTTP, signed in by real launches into a course of the test's own:
 * the instructor's page, its audit log, and what learners then see and may open.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class CourseSettingsTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CourseSettings settings;

	CourseLaunch launcher;

	String contextId;

	Browser instructor;

	Browser learner;

	String instructorSubject;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void launch() {
		this.contextId = "settings-" + UUID.randomUUID();
		this.launcher = new CourseLaunch(platform, this.port, this.registrations, this.contextId);
		this.instructorSubject = "instructor-" + UUID.randomUUID();
		this.instructor = this.launcher.launch(this.instructorSubject, "Iris Instructor", CourseLaunch.INSTRUCTOR);
		this.learner = this.launcher.launch("learner-" + UUID.randomUUID(), "Lee Learner", CourseLaunch.LEARNER);
	}

	@Test
	void shouldReleaseASessionOnTheDateTheInstructorSetsAndAuditTheChange() {
		LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(30);
		HttpResponse<String> page = get(this.instructor, "/course/settings");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Course settings").contains("name=\"SESSION.session-05.release\"")
			.contains("name=\"EXERCISE.ex-listening-log.visible\"").contains("aria-label=\"Opens on: 5. Listening Actively\"")
			.contains("name=\"meetMenteesFrom\"");

		HttpResponse<String> saved = post(this.instructor, session5(true, true, later.toString(), ""));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/course/settings?saved");
		assertThat(this.instructor.follow(saved).body()).contains("Saved").contains("value=\"" + later + "\"");

		String opens = later.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
		HttpResponse<String> home = get(this.learner, "/");
		assertThat(home.body()).contains("Opens on " + opens).doesNotContain("href=\"/sessions/5\"")
			.contains("href=\"/sessions/4\"");
		HttpResponse<String> session = get(this.learner, "/sessions/5");
		assertThat(session.statusCode()).isEqualTo(403);
		assertThat(session.body()).contains("Not yet released").contains("This session opens on " + opens);
		assertThat(get(this.learner, "/exercises/ex-listening-log").statusCode()).isEqualTo(403);
		assertThat(this.learner.post(this.launcher.tool("/exercises/ex-listening-log/reflection/submit"),
				Map.of("text", "too early")).statusCode()).isEqualTo(403);

		HttpResponse<String> instructorView = get(this.instructor, "/sessions/5");
		assertThat(instructorView.statusCode()).isEqualTo(200);
		assertThat(instructorView.body()).contains("Learners see it from " + opens);
		assertThat(get(this.instructor, "/").body()).contains("href=\"/sessions/5\"").contains("href=\"/course/settings\"")
			.contains("href=\"/course/completion\"");

		List<Map<String, Object>> audit = this.jdbc.sql("""
				SELECT person_id, item_type, item_id, field, old_value, new_value FROM curriculum_settings_change
				WHERE course_id = ?""").param(course().value()).query().listOfRows();
		assertThat(audit).singleElement().satisfies(row -> {
			assertThat(row.get("person_id")).isEqualTo(personId(this.instructorSubject));
			assertThat(row).containsEntry("item_type", "SESSION").containsEntry("item_id", "session-05")
				.containsEntry("field", "release_at").containsEntry("new_value", later.toString());
			assertThat(row.get("old_value")).isNull();
		});
		assertThat(get(this.instructor, "/course/settings/history").body()).contains("Iris Instructor")
			.contains("5. Listening Actively").contains("Opens on").contains(later.toString());

		// Moved to yesterday: open at once, and audited with the old value.
		LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		assertThat(post(this.instructor, session5(true, true, yesterday.toString(), "")).statusCode()).isEqualTo(302);
		assertThat(get(this.learner, "/sessions/5").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("""
				SELECT old_value FROM curriculum_settings_change WHERE course_id = ? AND new_value = ?""")
			.params(course().value(), yesterday.toString()).query(String.class).single()).isEqualTo(later.toString());
	}

	@Test
	void shouldHideAnExerciseFromLearnersAndNotCountIt() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("EXERCISE.ex-listening-log.item", "1");
		form.put("EXERCISE.ex-listening-log.required", "on");
		assertThat(post(this.instructor, form).statusCode()).isEqualTo(302);

		HttpResponse<String> session = get(this.learner, "/sessions/5");
		assertThat(session.statusCode()).isEqualTo(200);
		assertThat(session.body()).contains("href=\"/exercises/ex-listening-triad\"")
			.doesNotContain("href=\"/exercises/ex-listening-log\"");
		assertThat(get(this.learner, "/exercises/ex-listening-log").statusCode()).isEqualTo(403);
		assertThat(get(this.instructor, "/sessions/5").body()).contains("href=\"/exercises/ex-listening-log\"")
			.contains("Hidden from learners");

		// The hidden exercise no longer counts: the other one completes the session.
		assertThat(this.learner.post(this.launcher.tool("/exercises/ex-listening-triad/reflection/submit"),
				Map.of("text", "triad")).statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM completion WHERE course_id = ? AND item_type = 'SESSION' AND item_id = 'session-05'")
			.param(course().value()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void shouldRefuseInvalidSettingsAndSaveNothing() throws Exception {
		HttpResponse<String> dueFirst = post(this.instructor, session5(true, true, "2026-10-01", "2026-09-01"));
		assertThat(dueFirst.statusCode()).isEqualTo(400);
		assertThat(dueFirst.body()).contains("Nothing was saved").contains("the due date is before the opening date")
			.contains("value=\"2026-09-01\"");

		Map<String, String> unknown = session5(true, true, "2026-09-01", "");
		unknown.put("EXERCISE.ex-nothing.item", "1");
		HttpResponse<String> unknownItem = post(this.instructor, unknown);
		assertThat(unknownItem.statusCode()).isEqualTo(400);
		assertThat(unknownItem.body()).contains("There is no such session or exercise: EXERCISE:ex-nothing");
		Map<String, String> unknownKind = new LinkedHashMap<>(Map.of("MODULE.m1.item", "1"));
		assertThat(post(this.instructor, unknownKind).statusCode()).isEqualTo(400);

		assertThat(post(this.instructor, session5(true, true, "1999-12-31", "")).statusCode()).isEqualTo(400);
		assertThat(post(this.instructor, session5(true, true, "2026-13-01", "")).body()).contains("a date must look like");
		assertThat(post(this.instructor, Map.of("meetMenteesFrom", "2101-01-01")).statusCode()).isEqualTo(400);

		HttpResponse<String> crossSite = crossSite("Origin", "https://evil.example");
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(crossSite.body()).contains("error.crossSite");
		assertThat(crossSite("Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);

		assertThat(post(this.learner, session5(false, false, "", "")).statusCode()).isEqualTo(403);

		for (String table : List.of("curriculum_item_settings", "curriculum_settings_change", "curriculum_course_settings")) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE course_id = ?").param(course().value())
				.query(Long.class).single()).as(table).isZero();
		}
		assertThat(get(this.learner, "/sessions/5").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseTheSettingsPagesToALearner() {
		for (String path : List.of("/course/settings", "/course/settings/history")) {
			HttpResponse<String> page = get(this.learner, path);
			assertThat(page.statusCode()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path).contains("Only the course&#39;s instructors");
		}
		assertThat(get(this.learner, "/").body()).doesNotContain("/course/settings").doesNotContain("/course/completion");
	}

	@Test
	void shouldAuditOnlyWhatChangedAndRefuseAChangeByALearner() {
		Member instructor = new Member(new PersonId(personId(this.instructorSubject)), "Iris Instructor", course(), null,
				java.util.Set.of(CourseRole.INSTRUCTOR), null);
		ItemSettings optional = new ItemSettings(true, false, null, LocalDate.of(2026, 12, 1));
		this.settings.change(instructor, new PlanChange(Map.of(ItemRef.exercise("ex-resource-map"), optional),
				LocalDate.of(2026, 10, 5)));
		this.settings.change(instructor, new PlanChange(Map.of(ItemRef.exercise("ex-resource-map"), optional),
				LocalDate.of(2026, 10, 5)));

		CoursePlan plan = this.settings.of(course());
		assertThat(plan.exercise("ex-resource-map")).isEqualTo(optional);
		assertThat(plan.exercise("ex-ethics-dilemmas")).isEqualTo(ItemSettings.defaults(ItemKind.EXERCISE));
		assertThat(plan.meetMenteesFrom()).isEqualTo(LocalDate.of(2026, 10, 5));
		assertThat(this.settings.history(course(), 10)).extracting(SettingsChange::field)
			.containsExactlyInAnyOrder("required", "due_at", "meet_mentees_from");

		Member learner = new Member(new PersonId(personId(this.instructorSubject)), "x", course(), null,
				java.util.Set.of(CourseRole.LEARNER), ProgramRole.MENTOR);
		assertThatThrownBy(() -> this.settings.change(learner, new PlanChange(Map.of(), null)))
			.isInstanceOf(SettingsRefusedException.class);
		assertThat(this.settings.of(course()).meetMenteesFrom()).isEqualTo(LocalDate.of(2026, 10, 5));
	}

	private static Map<String, String> session5(boolean visible, boolean required, String release, String due) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("SESSION.session-05.item", "1");
		if (visible) {
			form.put("SESSION.session-05.visible", "on");
		}
		if (required) {
			form.put("SESSION.session-05.required", "on");
		}
		form.put("SESSION.session-05.release", release);
		form.put("SESSION.session-05.due", due);
		return form;
	}

	private HttpResponse<String> get(Browser browser, String path) {
		return browser.get(this.launcher.tool(path));
	}

	private HttpResponse<String> post(Browser browser, Map<String, String> form) {
		return browser.post(this.launcher.tool("/course/settings"), form);
	}

	private HttpResponse<String> crossSite(String header, String value) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.launcher.tool("/course/settings")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", AccessSessions.COOKIE + "=" + this.instructor.cookie("localhost", AccessSessions.COOKIE))
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString("SESSION.session-05.item=1&SESSION.session-05.release=2026-09-01"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private CourseId course() {
		return new CourseId(this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(this.contextId)
			.query(Long.class).single());
	}

	private long personId(String subject) {
		return this.jdbc.sql("SELECT id FROM person WHERE subject = ?").param(subject).query(Long.class).single();
	}

}
