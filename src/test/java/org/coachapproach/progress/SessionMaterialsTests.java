package org.coachapproach.progress;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facilitator guides and printable handouts over real HTTP, signed in by real launches:
 * who sees them, who is refused, and the links from the session page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class SessionMaterialsTests {

	static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	String course;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(this.registrations);
		this.course = "materials-" + UUID.randomUUID();
	}

	@Test
	void shouldShowTheFacilitatorGuideToInstructorsAndStaffWithTheSessionsAgenda() {
		for (Browser teacher : List.of(launch(INSTRUCTOR, null), launch(INSTRUCTOR, "staff"))) {
			HttpResponse<String> guide = teacher.get(tool("/sessions/2/facilitator"));

			assertThat(guide.statusCode()).isEqualTo(200);
			assertThat(guide.body()).contains("Facilitator guide: session 2, The Coaching Mindset and Ethical Practice")
				.contains("<h2>Preparation</h2>", "<h2>Room and Zoom setup</h2>", "<h2>Who facilitates</h2>")
				.contains("<strong>Advice mode versus coach mode</strong>")
				.contains("<caption>Session 2, minute by minute</caption>")
				.contains("Ethical dilemmas in small groups (ex-ethics-dilemmas)")
				.contains("href=\"/exercises/ex-advice-to-inquiry\"");
			assertThat(teacher.get(tool("/sessions/2")).body()).contains("href=\"/sessions/2/facilitator\"");
		}
	}

	@Test
	void shouldRefuseTheFacilitatorGuideToLearnersMentorsAndMenteesAndHideTheLink() {
		for (String programRole : new String[] { null, "mentor", "mentee" }) {
			Browser learner = launch(LEARNER, programRole);

			HttpResponse<String> guide = learner.get(tool("/sessions/2/facilitator"));

			assertThat(guide.statusCode()).as(String.valueOf(programRole)).isEqualTo(403);
			assertThat(guide.body()).contains("Facilitator guides are for the course")
				.doesNotContain("Advice mode versus coach mode");
			assertThat(learner.get(tool("/sessions/2")).body()).doesNotContain("/sessions/2/facilitator");
		}
	}

	@Test
	void shouldAnswerNotFoundForTheGuideOfAnUnknownSession() {
		Browser instructor = launch(INSTRUCTOR, null);

		assertThat(instructor.get(tool("/sessions/9/facilitator")).statusCode()).isEqualTo(404);
		assertThat(instructor.get(tool("/sessions/nine/facilitator")).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldShowHandoutsToMentorsLinkedFromTheirSessions() {
		Browser mentor = launch(LEARNER, "mentor");

		HttpResponse<String> session = mentor.get(tool("/sessions/3"));
		assertThat(session.body()).contains("href=\"/sessions/3/summary\"", "href=\"/handouts/alliance-template\"",
				"href=\"/handouts/confidentiality-statement\"");

		HttpResponse<String> summary = mentor.get(tool("/sessions/3/summary"));
		assertThat(summary.statusCode()).isEqualTo(200);
		assertThat(summary.body()).contains("Session 3 summary: Establishing and Maintaining Agreements")
			.contains("/css/materials.css").contains("By the end of this session, mentors can")
			.contains("Designing the alliance and contracting the session in triads (ex-designing-the-alliance-triad)");

		HttpResponse<String> handout = mentor.get(tool("/handouts/alliance-template"));
		assertThat(handout.statusCode()).isEqualTo(200);
		assertThat(handout.body()).contains("<h1>Our mentoring alliance (template to fill in together)</h1>")
			.contains("<caption>The elements of our alliance, with room to write what we agree</caption>")
			.contains("href=\"/sessions/3\"");
		assertThat(mentor.get(tool("/handouts/question-bank")).body()).contains("What else?");
		assertThat(mentor.get(tool("/handouts/no-such-handout")).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRefuseHandoutsToMenteesAndHideTheLinks() {
		Browser mentee = launch(LEARNER, "mentee");

		assertThat(mentee.get(tool("/handouts/alliance-template")).statusCode()).isEqualTo(403);
		HttpResponse<String> summary = mentee.get(tool("/sessions/3/summary"));
		assertThat(summary.statusCode()).isEqualTo(403);
		assertThat(summary.body()).contains("Handouts are for mentors in training");
		assertThat(mentee.get(tool("/sessions/3")).body()).doesNotContain("/handouts/", "/sessions/3/summary");
	}

	@Test
	void shouldHoldBackTheSummaryOfASessionTheCourseHasNotReleased() {
		Browser instructor = launch(INSTRUCTOR, null);
		Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("SESSION.session-04.item", "1");
		form.put("SESSION.session-04.visible", "on");
		form.put("SESSION.session-04.required", "on");
		form.put("SESSION.session-04.release", LocalDate.now().plusDays(30).toString());
		form.put("SESSION.session-04.due", "");
		assertThat(instructor.post(tool("/course/settings"), form).statusCode()).isEqualTo(302);
		Browser mentor = launch(LEARNER, "mentor");

		HttpResponse<String> summary = mentor.get(tool("/sessions/4/summary"));

		assertThat(summary.body()).doesNotContain("Session 4 summary");
		assertThat(summary.statusCode()).isEqualTo(mentor.get(tool("/sessions/4")).statusCode()).isNotEqualTo(200);
		assertThat(instructor.get(tool("/sessions/4/summary")).statusCode()).isEqualTo(200);
	}

	private Browser launch(String role, String programRole) {
		String subject = "materials-" + UUID.randomUUID();
		return platform.signIn(tool(""), subject, claims -> {
			claims.claim("name", "Sam Person")
				.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(role))
				.claim("https://purl.imsglobal.org/spec/lti/claim/context",
						Map.of("id", this.course, "title", "Materials course", "label", "MC"));
			return programRole == null ? claims
					: claims.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("program_role", programRole));
		});
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
