package org.coachapproach.progress;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;
import org.coachapproach.series.RecordingWatched;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff's completion dashboard over real HTTP, in a course of the test's own: the grid, the
 * rates, sorting and filtering, the printable view and the CSV export.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class CompletionDashboardTests {

	static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator";

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	MentorLaunch launcher;

	String contextId;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void newCourse() {
		this.launcher = new MentorLaunch(platform, this.port, this.registrations);
		this.contextId = "dashboard-" + UUID.randomUUID();
	}

	@Test
	void shouldShowALearnersCompletedSessionAfterTheySubmitItsReflections() {
		String subject = "mentor-" + UUID.randomUUID();
		Browser mentor = launch(subject, "Avery Mentor", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), "mentor");
		launch("mentee-" + UUID.randomUUID(), "Blake Mentee", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), "mentee");
		Browser staff = launch("staff-" + UUID.randomUUID(), "Sam Staff", List.of(ADMINISTRATOR), null);
		for (String exercise : List.of("ex-listening-triad", "ex-listening-log")) {
			assertThat(mentor.post(this.launcher.tool("/exercises/" + exercise + "/reflection/submit"), Map.of("text", "done"))
				.statusCode()).isEqualTo(302);
		}
		mentor.post(this.launcher.tool("/exercises/ex-resource-map/reflection/draft"), Map.of("text", "begun"));
		this.events.publishEvent(new RecordingWatched(person(subject), course(), "cfds-2022-09-07", null));

		HttpResponse<String> page = staff.get(this.launcher.tool("/course/completion"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<caption>").contains("<th scope=\"col\">Name</th>")
			.containsPattern("<th scope=\"row\">Avery Mentor</th>\\s*<td><span>Learner</span></td>\\s*<td>Mentor</td>"
					+ "\\s*<td><span class=\"status status-IN_PROGRESS\">In progress</span></td>"
					+ "(\\s*<td><span class=\"status status-NOT_STARTED\">Not started</span></td>){3}"
					+ "\\s*<td><span class=\"status status-COMPLETE\">Complete</span></td>"
					+ "(\\s*<td><span class=\"status status-NOT_STARTED\">Not started</span></td>){2}"
					+ "\\s*<td class=\"number\">1</td>\\s*<td class=\"number\">1</td>")
			.contains("Blake Mentee").contains("Sam Staff")
			.containsPattern("Session 5: Listening Actively</th>\\s*<td>1 of 2</td>\\s*<td>50 %</td>")
			.containsPattern("Session 1: The Mentoring Knowledge Base</th>\\s*<td>0 of 2</td>\\s*<td>0 %</td>")
			.contains("Completions among the 2 learners shown").contains("class=\"app-nav\"");

		String byCompletion = staff.get(this.launcher.tool("/course/completion?sort=completed")).body();
		assertThat(byCompletion.indexOf("Avery Mentor")).isLessThan(byCompletion.indexOf("Blake Mentee"));
		String byName = staff.get(this.launcher.tool("/course/completion?sort=name")).body();
		assertThat(byName.indexOf("Avery Mentor")).isLessThan(byName.indexOf("Blake Mentee"));
		assertThat(byName.indexOf("Blake Mentee")).isLessThan(byName.indexOf("<th scope=\"row\">Sam Staff"));

		String mentees = staff.get(this.launcher.tool("/course/completion?role=MENTEE")).body();
		assertThat(mentees).contains("Blake Mentee").doesNotContain(">Avery Mentor<")
			.containsPattern("Session 5: Listening Actively</th>\\s*<td>0 of 1</td>");

		HttpResponse<String> print = staff.get(this.launcher.tool("/course/completion?print=true"));
		assertThat(print.statusCode()).isEqualTo(200);
		assertThat(print.body()).contains("Avery Mentor").doesNotContain("<header").doesNotContain("<nav")
			.doesNotContain("Download as CSV");
	}

	@Test
	void shouldExportTheGridAsCsvWithFormulasNeutralised() {
		launch("mentor-" + UUID.randomUUID(), "=HYPERLINK(\"https://evil.example\",\"x\"), Jr.",
				List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), "mentor");
		launch("mentor-" + UUID.randomUUID(), "@SUM(1+1)", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"),
				"mentor");
		Browser instructor = launch("instructor-" + UUID.randomUUID(), "Ira O'Neil", List.of(INSTRUCTOR), null);

		HttpResponse<String> csv = instructor.get(this.launcher.tool("/course/completion.csv"));

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains(".csv");
		String text = csv.body();
		assertThat(text).startsWith("\uFEFFName,Course role,Program role,Session 1: The Mentoring Knowledge Base,");
		List<String> lines = List.of(text.substring(1).split("\r\n"));
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).endsWith(",Sessions complete,Recordings watched");
		assertThat(lines).contains(
				"'@SUM(1+1),Learner,Mentor,Not started,Not started,Not started,Not started,Not started,Not started,Not started,0,0",
				"\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\"), Jr.\",Learner,Mentor,Not started,Not started,Not started,"
						+ "Not started,Not started,Not started,Not started,0,0");
		assertThat(lines).anyMatch(line -> line.startsWith("Ira O'Neil,Instructor,"));
	}

	@Test
	void shouldRefuseTheDashboardToALearner() {
		Browser mentor = launch("mentor-" + UUID.randomUUID(), "Avery Mentor",
				List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), "mentor");

		for (String path : List.of("/course/completion", "/course/completion.csv", "/course/completion?print=true")) {
			HttpResponse<String> page = mentor.get(this.launcher.tool(path));
			assertThat(page.statusCode()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path).contains("for program staff and the course&#39;s instructors");
		}
	}

	private Browser launch(String subject, String name, List<String> roles, String programRole) {
		return this.launcher.launch(subject, claims -> claims.claim("name", name)
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", roles)
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", this.contextId, "title", "Dashboard course", "label", "DC"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
					programRole == null ? Map.of() : Map.of("program_role", programRole)));
	}

	private PersonId person(String subject) {
		return new PersonId(this.jdbc.sql("SELECT id FROM person WHERE subject = ?").param(subject).query(Long.class).single());
	}

	private CourseId course() {
		return new CourseId(this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(this.contextId)
			.query(Long.class).single());
	}

}
