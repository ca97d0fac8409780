package org.coachapproach.web;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.curriculum.Competency;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Exercise;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
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

/**
 * The capstone's competency ratings, the certificate, the letter of mentoring service and the
 * competency profiles, over real HTTP with real launches, in courses of the test's own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class RecognitionTests {

	static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator";

	static final String CAPSTONE = "ex-capstone-coaching-conversation";

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Curriculum curriculum;

	String course;

	String otherCourse;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void newCourses() {
		platform.registerWith(this.registrations);
		this.course = "recognition-" + UUID.randomUUID();
		this.otherCourse = "recognition-other-" + UUID.randomUUID();
	}

	@Test
	void shouldRecordAnObserversRatingsOfAnotherMentorOnceAndShowThemInTheirProfile() {
		Browser observer = launch("Olive Observer", "mentor", this.course);
		String coachSubject = "coach-" + UUID.randomUUID();
		Browser coach = launch(coachSubject, "Cody Coach", List.of(LEARNER), "mentor", this.course);

		String page = observer.get(tool("/exercises/" + CAPSTONE)).body();
		assertThat(page).contains("Rate the mentor you observed").contains(">Cody Coach</option>")
			.doesNotContain(">Olive Observer</option>");
		assertThat(observer.post(tool("/exercises/" + CAPSTONE + "/ratings"), ratings(person(coachSubject), 2))
			.statusCode()).isEqualTo(302);
		assertThat(ratingRows()).isEqualTo(8);

		HttpResponse<String> again = observer.post(tool("/exercises/" + CAPSTONE + "/ratings"),
				ratings(person(coachSubject), 3));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("You have already rated this mentor in this exercise");
		assertThat(ratingRows()).isEqualTo(8);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM competency_rating WHERE rating = 3").query(Integer.class).single())
			.isZero();
		assertThat(observer.get(tool("/exercises/" + CAPSTONE)).body()).contains("Mentors you rated")
			.doesNotContain(">Cody Coach</option>");

		String profile = coach.get(tool("/recognition/profile")).body();
		assertThat(profile).contains("Your competency profile").contains("8. Facilitates").contains("Developing")
			.doesNotContain("Olive Observer");
		assertThat(observer.get(tool("/recognition/profile")).body()).contains("No ratings yet.")
			.doesNotContain("Developing");
	}

	@Test
	void shouldRefuseRatingsOfOneselfAMenteeAnotherCoursesMentorOrAnIncompleteSetAndStoreNothing() {
		String observerSubject = "observer-" + UUID.randomUUID();
		Browser observer = launch(observerSubject, "Olive Observer", List.of(LEARNER), "mentor", this.course);
		String menteeSubject = "mentee-" + UUID.randomUUID();
		Browser mentee = launch(menteeSubject, "Mia Mentee", List.of(LEARNER), "mentee", this.course);
		String strangerSubject = "stranger-" + UUID.randomUUID();
		launch(strangerSubject, "Sol Stranger", List.of(LEARNER), "mentor", this.otherCourse);
		String coachSubject = "coach-" + UUID.randomUUID();
		launch(coachSubject, "Cody Coach", List.of(LEARNER), "mentor", this.course);
		String url = tool("/exercises/" + CAPSTONE + "/ratings");

		HttpResponse<String> self = observer.post(url, ratings(person(observerSubject), 2));
		assertThat(self.statusCode()).isEqualTo(400);
		assertThat(self.body()).contains("Choose another mentor of this course to rate (not yourself)");
		assertThat(observer.post(url, ratings(person(menteeSubject), 2)).statusCode()).isEqualTo(400);
		assertThat(observer.post(url, ratings(person(strangerSubject), 2)).statusCode()).isEqualTo(400);
		Map<String, String> missingOne = ratings(person(coachSubject), 2);
		missingOne.remove("rating-presence");
		HttpResponse<String> incomplete = observer.post(url, missingOne);
		assertThat(incomplete.statusCode()).isEqualTo(400);
		assertThat(incomplete.body()).contains("Rate every one of the eight competencies");
		assertThat(observer.post(url, ratings(person(coachSubject), 4)).statusCode()).isEqualTo(400);
		Map<String, String> notANumber = ratings(person(coachSubject), 2);
		notANumber.put("colleague", "x' OR 1=1");
		assertThat(observer.post(url, notANumber).statusCode()).isEqualTo(400);

		HttpResponse<String> byMentee = mentee.post(url, ratings(person(coachSubject), 2));
		assertThat(byMentee.statusCode()).isEqualTo(403);
		assertThat(mentee.get(tool("/exercises/" + CAPSTONE)).body())
			.contains("Only mentors of this course rate colleagues here.").doesNotContain("Submit ratings");
		assertThat(observer.post(tool("/exercises/ex-listening-triad/ratings"), ratings(person(coachSubject), 2))
			.statusCode()).isEqualTo(404);
		assertThat(ratingRows()).isZero();
	}

	@Test
	void shouldShowWhatIsMissingUntilEverySessionIsCompleteThenTheCertificateAndLetter() {
		String subject = "mentor-" + UUID.randomUUID();
		Browser mentor = launch(subject, "Avery Mentor", List.of(LEARNER), "mentor", this.course);

		HttpResponse<String> missing = mentor.get(tool("/recognition/certificate"));
		assertThat(missing.statusCode()).isEqualTo(200);
		assertThat(missing.body()).contains("Not yet complete").contains("Session 1: The Mentoring Knowledge Base")
			.contains("Session 7:").doesNotContain("This certifies that");
		assertThat(mentor.get(tool("/recognition/letter")).body()).contains("Not yet complete")
			.doesNotContain("To the promotion");

		for (Exercise exercise : this.curriculum.exercises()) {
			assertThat(mentor.post(tool("/exercises/" + exercise.id() + "/reflection/submit"), Map.of("text", "done"))
				.statusCode()).isEqualTo(302);
		}

		String today = LocalDate.now(java.time.ZoneId.of("America/Chicago")).toString();
		HttpResponse<String> certificate = mentor.get(tool("/recognition/certificate"));
		assertThat(certificate.statusCode()).isEqualTo(200);
		assertThat(certificate.body()).contains("Certificate of completion").contains("Avery Mentor")
			.contains("10.5 hours").contains("<caption>Sessions completed</caption>")
			.contains("Session 7: Facilitating Growth")
			.contains("[[INSTITUTION: name and title of the program director who signs]]")
			.contains("/css/recognition.css");
		String letter = mentor.get(tool("/recognition/letter")).body();
		assertThat(letter).contains("Letter of mentoring service").contains("completed 7 sessions")
			.contains("10.5 hours in all")
			.contains("They completed " + this.curriculum.exercises().size() + " experiential exercises")
			.contains("The program assigned them 0 mentee(s); no meetings are logged");
		assertThat(certificate.body() + letter).containsAnyOf(today, LocalDate.now().toString());
	}

	@Test
	void shouldLetStaffSeeTheRecognitionOfAMentorOfTheirOwnCourseOnly() {
		String subject = "mentor-" + UUID.randomUUID();
		Browser mentor = launch(subject, "Avery Mentor", List.of(LEARNER), "mentor", this.course);
		String otherSubject = "other-" + UUID.randomUUID();
		launch(otherSubject, "Bo Other", List.of(LEARNER), "mentor", this.otherCourse);
		String menteeSubject = "mentee-" + UUID.randomUUID();
		Browser mentee = launch(menteeSubject, "Mia Mentee", List.of(LEARNER), "mentee", this.course);
		Browser staff = launch("staff-" + UUID.randomUUID(), "Sam Staff", List.of(ADMINISTRATOR), null, this.course);

		HttpResponse<String> ofMentor = staff.get(tool("/course/mentors/" + person(subject) + "/certificate"));
		assertThat(ofMentor.statusCode()).isEqualTo(200);
		assertThat(ofMentor.body()).contains("Avery Mentor has not yet completed every required session");
		assertThat(staff.get(tool("/course/mentors/" + person(subject) + "/letter")).statusCode()).isEqualTo(200);
		assertThat(staff.get(tool("/course/mentors/" + person(otherSubject) + "/certificate")).statusCode())
			.isEqualTo(404);
		assertThat(staff.get(tool("/course/mentors/" + person(menteeSubject) + "/letter")).statusCode()).isEqualTo(404);
		assertThat(staff.get(tool("/course/competency-profile")).body()).contains("Avery Mentor")
			.doesNotContain("Bo Other").doesNotContain("Mia Mentee");

		assertThat(mentor.get(tool("/course/mentors/" + person(subject) + "/certificate")).statusCode()).isEqualTo(403);
		assertThat(mentor.get(tool("/course/competency-profile")).statusCode()).isEqualTo(403);
		assertThat(mentee.get(tool("/recognition/certificate")).statusCode()).isEqualTo(403);
		assertThat(mentee.get(tool("/recognition/profile")).statusCode()).isEqualTo(403);
		assertThat(staff.get(tool("/recognition/profile")).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldShowAMentorTheirOwnSelfAssessmentAndStaffOnlyAggregatesUnderSuppression() {
		String subject = "mentor-" + UUID.randomUUID();
		Browser mentor = launch(subject, "Avery Mentor", List.of(LEARNER), "mentor", this.course);
		Browser colleague = launch("colleague-" + UUID.randomUUID(), "Cam Colleague", List.of(LEARNER), "mentor",
				this.course);
		Browser staff = launch("staff-" + UUID.randomUUID(), "Sam Staff", List.of(ADMINISTRATOR), null, this.course);
		openPreWindow();
		Map<String, String> answers = new HashMap<>();
		this.curriculum.instrument("mentor-prepost").orElseThrow().items()
			.forEach(item -> answers.put("a." + item.id(), "2"));
		answers.put("action", "submit");
		assertThat(mentor.post(tool("/surveys/mentor-prepost/pre"), answers).statusCode()).isEqualTo(302);

		String own = mentor.get(tool("/recognition/profile")).body();
		assertThat(own).containsPattern("<th scope=\"row\">[^<]*time[^<]*</th>\\s*<td>2 · [^<]+</td>\\s*<td>Not answered</td>");
		assertThat(colleague.get(tool("/recognition/profile")).body()).doesNotContain("<td>2 · ");
		String aggregate = staff.get(tool("/course/competency-profile")).body();
		assertThat(aggregate).contains("Competency profile of the course").contains("Hidden (fewer than five)")
			.doesNotContain("2 · ").doesNotContain("<td>2.00</td>");

		// Five mentors rated: the mean of their ratings is shown; four are not enough.
		List<String> rated = new java.util.ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String s = "rated-" + i + "-" + UUID.randomUUID();
			launch(s, "Rae Rated " + i, List.of(LEARNER), "mentor", this.course);
			rated.add(s);
		}
		for (int i = 0; i < 4; i++) {
			assertThat(mentor.post(tool("/exercises/" + CAPSTONE + "/ratings"), ratings(person(rated.get(i)), 3))
				.statusCode()).isEqualTo(302);
		}
		assertThat(staff.get(tool("/course/competency-profile")).body())
			.containsPattern("1\\. Demonstrates[^<]*</th>\\s*<td>\\d+</td>\\s*<td>4</td>\\s*<td>Hidden \\(fewer than five\\)</td>");
		assertThat(mentor.post(tool("/exercises/" + CAPSTONE + "/ratings"), ratings(person(rated.get(4)), 1))
			.statusCode()).isEqualTo(302);
		assertThat(staff.get(tool("/course/competency-profile")).body())
			.containsPattern("1\\. Demonstrates[^<]*</th>\\s*<td>\\d+</td>\\s*<td>5</td>\\s*<td>2\\.6</td>");
	}

	private Map<String, String> ratings(long colleague, int value) {
		Map<String, String> form = new HashMap<>();
		form.put("colleague", String.valueOf(colleague));
		for (Competency competency : this.curriculum.competencies()) {
			form.put("rating-" + competency.id(), String.valueOf(value));
		}
		return form;
	}

	private void openPreWindow() {
		long course = this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(this.course).query(Long.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO assessment_window (course_id, instrument_id, wave, opens_on, closes_on, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(course, "mentor-prepost", "pre", LocalDate.now().minusDays(1), LocalDate.now().plusDays(7),
					Timestamp.from(Instant.now()))
			.update();
	}

	private int ratingRows() {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM competency_rating r JOIN course c ON c.id = r.course_id
				WHERE c.context_id IN (?, ?)""")
			.params(this.course, this.otherCourse)
			.query(Integer.class)
			.single();
	}

	private Browser launch(String name, String programRole, String context) {
		return launch(programRole + "-" + UUID.randomUUID(), name, List.of(LEARNER), programRole, context);
	}

	private Browser launch(String subject, String name, List<String> roles, String programRole, String context) {
		return platform.signIn(tool(""), subject, claims -> claims.claim("name", name)
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", roles)
			.claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", context, "title", "Recognition course",
					"label", "RC"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
					programRole == null ? Map.of() : Map.of("program_role", programRole)));
	}

	private long person(String subject) {
		return this.jdbc.sql("SELECT id FROM person WHERE subject = ?").param(subject).query(Long.class).single();
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
