package org.coachapproach.progress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.AccessSessions;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;
import org.coachapproach.series.RecordingWatched;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mentor's delivery pages and completion tracking over real HTTP, signed in by a real
 * launch: program home, session and competency pages, exercises with reflections, and the
 * completions and events they record.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class DeliveryTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.coachapproach.curriculum.Curriculum curriculum;

	MentorLaunch launcher;

	String subject;

	Browser browser;

	final List<Object> events = new CopyOnWriteArrayList<>();

	final ApplicationListener<PayloadApplicationEvent<?>> recorder = event -> this.events.add(event.getPayload());

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
		this.launcher = new MentorLaunch(platform, this.port, this.registrations);
		this.subject = "mentor-" + UUID.randomUUID();
		this.browser = this.launcher.launch(this.subject);
		this.context.addApplicationListener(this.recorder);
	}

	@AfterEach
	void stopRecording() {
		this.context.removeApplicationListener(this.recorder);
	}

	@Test
	void shouldShowTheSevenSessionsWithTheirStatusOnTheHomePage() {
		HttpResponse<String> home = get("/");

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Welcome, Dana Mentor").contains("Mentor Training 2026").contains("Mentor")
			.contains("Next up").contains("Session 1: The Mentoring Knowledge Base")
			.contains("Meeting your mentee begins here").contains("0 of 7 sessions complete");
		for (int number = 1; number <= 7; number++) {
			assertThat(home.body()).contains("href=\"/sessions/" + number + "\"");
		}
		assertThat(count(home.body(), "class=\"status status-NOT_STARTED\"")).isEqualTo(7);
	}

	@Test
	void shouldDeclareThePagesOwnLanguageWhateverTheLaunchLocale() {
		Browser german = this.launcher.launch("mentor-" + UUID.randomUUID(),
				claims -> claims.claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
						Map.of("locale", "de-DE")));

		HttpResponse<String> home = german.get(this.launcher.tool("/"));

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("<html lang=\"en\"");
	}

	@Test
	void shouldShowASessionPageAndRefuseAnUnknownSession() {
		HttpResponse<String> page = get("/sessions/5");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Session 5: Listening Actively")
			.contains("By the end of this session, mentors can distinguish three levels of listening")
			.contains("Listening triad (ex-listening-triad)").contains(">40<")
			.contains("href=\"/competencies/active-listening\"").contains("Competency 6: ")
			.contains("href=\"/exercises/ex-listening-triad\"").contains("href=\"/exercises/ex-listening-log\"")
			.contains("Before the session").contains("Between-session practice")
			.contains("<h2>Three levels of listening (15 minutes)</h2>")
			.contains("<mark class=\"placeholder\">[[INSTITUTION: scheduling support offered by program staff]]</mark>");
		assertThat(get("/sessions/4").body()).contains("After this session, start meeting your mentee.");
		assertThat(get("/sessions/8").statusCode()).isEqualTo(404);
		assertThat(get("/sessions/0").statusCode()).isEqualTo(404);
		assertThat(get("/sessions/five").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldShowSessionOnesKnowledgeBaseAndTheTimeOutsideTheSessionMarkedEssentialOrOptional() {
		HttpResponse<String> page = get("/sessions/1");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("Time outside the session: about 80 minutes essential, before and after it; 30 minutes more if you do the optional items.")
			.contains("Build your personal resource map (ex-resource-map) and bring one surprise to session 2.</span>\n  <span class=\"muted\">· about 45 minutes</span>\n  <span class=\"marker\">Essential</span>")
			.contains("<span class=\"muted\">· about 10 minutes</span>\n  <span class=\"marker\">Optional</span>")
			.contains("<h3>Through networking</h3>").contains("<h3>Aligning personal goals with the department's</h3>")
			.contains("<h2>Segment 4: Faculty well-being, burnout and imposter phenomenon (15 minutes)</h2>")
			.contains("<mark class=\"placeholder\">[[INSTITUTION: the department's strategic priorities and where they are published]]</mark>")
			.contains("href=\"/exercises/ex-career-development-triad\"");
		HttpResponse<String> exercise = get("/exercises/ex-career-development-triad");
		assertThat(exercise.statusCode()).isEqualTo(200);
		assertThat(exercise.body()).contains("Career Development in Three Conversations").contains("Observer checklist")
			.contains("The mentor asked about the colleague&#39;s own goals before mentioning what the department or others want.")
			.contains("<h2>Question bank</h2>");
	}

	@Test
	void shouldShowACompetencyModuleWithWhereItIsPractised() {
		HttpResponse<String> page = get("/competencies/active-listening");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("What it looks like").contains("In a mentoring conversation")
			.contains("href=\"/sessions/5\"").contains("href=\"/sessions/6\"")
			.contains("href=\"/exercises/ex-listening-triad\"");
		assertThat(get("/competencies/not-a-competency").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldSaveADraftThenSubmitAndShowTheSubmittedTextReadOnly() {
		HttpResponse<String> draft = post("/exercises/ex-listening-log/reflection/draft", Map.of("text", "first thoughts"));
		assertThat(draft.statusCode()).isEqualTo(200);
		assertThat(draft.body()).contains("\"status\":\"saved\"");
		assertThat(post("/exercises/ex-listening-log/reflection/draft", Map.of("text", "second thoughts")).statusCode())
			.isEqualTo(200);

		HttpResponse<String> editing = get("/exercises/ex-listening-log");
		assertThat(editing.body()).contains("<textarea").contains("second thoughts").contains("In progress")
			.contains("/js/reflection.js").contains("data-draft-url=\"/exercises/ex-listening-log/reflection/draft\"");
		assertThat(get("/sessions/5").body()).contains("status status-IN_PROGRESS");

		HttpResponse<String> submitted = post("/exercises/ex-listening-log/reflection/submit", Map.of("text", "final words"));
		assertThat(submitted.statusCode()).isEqualTo(302);
		HttpResponse<String> shown = this.browser.follow(submitted);
		assertThat(shown.body()).contains("final words").contains("status status-COMPLETE").doesNotContain("<textarea id=\"reflection-text\"");

		assertThat(post("/exercises/ex-listening-log/reflection/draft", Map.of("text", "too late")).statusCode())
			.isEqualTo(409);
		assertThat(this.jdbc.sql("SELECT submitted_text FROM reflection WHERE person_id = ? AND exercise_id = ?")
			.params(person().value(), "ex-listening-log").query(String.class).single()).isEqualTo("final words");
	}

	@Test
	void shouldRecordOneCompletionAndOneEventForADoubleSubmit() {
		assertThat(post("/exercises/ex-listening-log/reflection/submit", Map.of("text", "once")).statusCode()).isEqualTo(302);
		assertThat(post("/exercises/ex-listening-log/reflection/submit", Map.of("text", "twice")).statusCode()).isEqualTo(302);

		assertThat(completions("EXERCISE", "ex-listening-log")).isEqualTo(1);
		assertThat(this.events).filteredOn(ExerciseCompleted.class::isInstance)
			.map(ExerciseCompleted.class::cast)
			.filteredOn(e -> e.person().equals(person()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.exerciseId()).isEqualTo("ex-listening-log");
				assertThat(e.contentHash()).hasSize(64);
			});
		assertThat(get("/exercises/ex-listening-log").body()).contains("once").doesNotContain("twice");
	}

	@Test
	void shouldCompleteASessionWhenAllItsExercisesAreSubmitted() {
		post("/exercises/ex-listening-triad/reflection/submit", Map.of("text", "triad"));
		assertThat(completions("SESSION", "session-05")).isZero();
		assertThat(get("/").body()).containsPattern("Session 5: Listening Actively</a>\\s*<span class=\"status status-IN_PROGRESS\"");

		post("/exercises/ex-listening-log/reflection/submit", Map.of("text", "log"));
		post("/exercises/ex-listening-log/reflection/submit", Map.of("text", "log again"));

		assertThat(completions("SESSION", "session-05")).isEqualTo(1);
		assertThat(this.events).filteredOn(SessionCompleted.class::isInstance)
			.map(SessionCompleted.class::cast)
			.filteredOn(e -> e.person().equals(person()))
			.singleElement()
			.extracting(SessionCompleted::sessionId)
			.isEqualTo("session-05");
		HttpResponse<String> home = get("/");
		assertThat(home.body()).containsPattern("Session 5: Listening Actively</a>\\s*<span class=\"status status-COMPLETE\"")
			.contains("1 of 7 sessions complete").contains("Session 1: The Mentoring Knowledge Base");
	}

	@Test
	void shouldRefuseAnOversizedReflectionAndStoreNothing() {
		String tooLong = "x".repeat(Reflections.MAX_LENGTH + 1);

		HttpResponse<String> draft = post("/exercises/ex-listening-log/reflection/draft", Map.of("text", tooLong));
		assertThat(draft.statusCode()).isEqualTo(400);
		assertThat(draft.body()).contains("nothing was saved");
		HttpResponse<String> submit = post("/exercises/ex-listening-log/reflection/submit", Map.of("text", tooLong));
		assertThat(submit.statusCode()).isEqualTo(400);
		assertThat(submit.body()).contains("A reflection can be at most").contains("nothing was saved").contains(tooLong);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM reflection WHERE person_id = ?").param(person().value())
			.query(Long.class).single()).isZero();
		assertThat(completions("EXERCISE", "ex-listening-log")).isZero();
		assertThat(post("/exercises/ex-listening-log/reflection/submit", Map.of("text", "x".repeat(Reflections.MAX_LENGTH)))
			.statusCode()).isEqualTo(302);
	}

	@Test
	void shouldShowAScriptInAReflectionAsText() {
		post("/exercises/ex-listening-log/reflection/draft", Map.of("text", "<script>alert('draft')</script>"));
		assertThat(get("/exercises/ex-listening-log").body()).doesNotContain("<script>alert")
			.contains("&lt;script&gt;alert(&#39;draft&#39;)&lt;/script&gt;");

		post("/exercises/ex-listening-log/reflection/submit", Map.of("text", "<script>alert('x')</script><b>bold</b>"));
		assertThat(get("/exercises/ex-listening-log").body()).doesNotContain("<script>alert").doesNotContain("<b>bold")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;");
	}

	@Test
	void shouldRefuseAPostFromAnotherSite() throws Exception {
		assertThat(crossSite("/exercises/ex-listening-log/reflection/draft", "Sec-Fetch-Site", "cross-site").statusCode())
			.isEqualTo(403);
		assertThat(crossSite("/exercises/ex-listening-log/reflection/submit", "Sec-Fetch-Site", "same-site").statusCode())
			.isEqualTo(403);
		HttpResponse<String> origin = crossSite("/exercises/ex-listening-log/reflection/submit", "Origin", "https://evil.example");
		assertThat(origin.statusCode()).isEqualTo(403);
		assertThat(origin.body()).contains("error.crossSite");
		assertThat(crossSite("/exercises/ex-listening-triad/checklist", "Origin", "https://evil.example").statusCode())
			.isEqualTo(403);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM reflection WHERE person_id = ?").param(person().value())
			.query(Long.class).single()).isZero();
		assertThat(crossSite("/exercises/ex-listening-log/reflection/draft", "Origin", this.launcher.tool("")).statusCode())
			.isEqualTo(200);
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownExercise() {
		assertThat(get("/exercises/ex-nothing").statusCode()).isEqualTo(404);
		assertThat(post("/exercises/ex-nothing/reflection/draft", Map.of("text", "x")).statusCode()).isEqualTo(404);
		assertThat(post("/exercises/ex-nothing/reflection/submit", Map.of("text", "x")).statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM reflection WHERE person_id = ?").param(person().value())
			.query(Long.class).single()).isZero();
	}

	@Test
	void shouldLetAnObserverKeepAChecklistForAColleague() {
		HttpResponse<String> page = get("/exercises/ex-listening-triad");
		assertThat(page.body()).contains("Coach (mentor)").contains("Observer checklist")
			.contains("Mentor offered at least two summaries");

		HttpResponse<String> saved = this.browser.post(this.launcher.tool("/exercises/ex-listening-triad/checklist"),
				Map.of("colleague", "Sam <Colleague>", "item", "1", "notes", "Good summaries"));
		assertThat(saved.statusCode()).isEqualTo(302);

		assertThat(get("/exercises/ex-listening-triad").body()).contains("For Sam &lt;Colleague&gt;").contains("Good summaries")
			.contains("status status-COMPLETE\">Seen");
		assertThat(post("/exercises/ex-listening-log/checklist", Map.of("colleague", "Sam")).statusCode()).isEqualTo(400);
	}

	@Test
	void shouldRecordARecordingCompletionOnceWhenWatched() {
		CourseId course = new CourseId(this.jdbc.sql("SELECT course_id FROM membership WHERE person_id = ?")
			.param(person().value()).query(Long.class).single());
		RecordingWatched watched = new RecordingWatched(person(), course, "cfds-2022-09-07", "a".repeat(64));

		this.context.publishEvent(watched);
		this.context.publishEvent(watched);

		assertThat(completions("RECORDING", "cfds-2022-09-07")).isEqualTo(1);
		assertThat(this.events).filteredOn(RecordingCompleted.class::isInstance)
			.map(RecordingCompleted.class::cast)
			.filteredOn(e -> e.person().equals(person()))
			.singleElement()
			.isEqualTo(new RecordingCompleted(person(), course, "cfds-2022-09-07", "a".repeat(64)));

		// As the series module publishes it: inside its transaction, recorded after the commit.
		RecordingWatched inTransaction = new RecordingWatched(person(), course, "cfds-2022-09-14", "b".repeat(64));
		this.transactions.executeWithoutResult(status -> {
			this.context.publishEvent(inTransaction);
			assertThat(completions("RECORDING", "cfds-2022-09-14")).isZero();
		});
		assertThat(completions("RECORDING", "cfds-2022-09-14")).isEqualTo(1);
	}

	@Test
	void shouldRefuseProgressPagesToASessionWithoutACourse() {
		Browser noCourse = this.launcher.launch("mentor-" + UUID.randomUUID(),
				claims -> claims.claim("https://purl.imsglobal.org/spec/lti/claim/context", null));

		for (String path : List.of("/", "/sessions/1", "/exercises/ex-listening-log", "/competencies/presence")) {
			HttpResponse<String> page = noCourse.get(this.launcher.tool(path));
			assertThat(page.statusCode()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path).contains("keeps your progress per course");
		}
		assertThat(noCourse.post(this.launcher.tool("/exercises/ex-listening-log/reflection/submit"), Map.of("text", "x"))
			.statusCode()).isEqualTo(403);
		assertThat(noCourse.post(this.launcher.tool("/exercises/ex-listening-log/reflection/draft"), Map.of("text", "x"))
			.statusCode()).isEqualTo(403);
		String withChecklist = this.curriculum.exercises().stream().filter(e -> !e.observerChecklist().isEmpty())
			.findFirst().orElseThrow().id();
		assertThat(noCourse.get(this.launcher.tool("/exercises/" + withChecklist)).statusCode()).isEqualTo(403);
		assertThat(noCourse.post(this.launcher.tool("/exercises/" + withChecklist + "/checklist"),
				Map.of("colleague", "Dr Lee", "item", "1")).statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> get(String path) {
		return this.browser.get(this.launcher.tool(path));
	}

	private HttpResponse<String> post(String path, Map<String, String> form) {
		return this.browser.post(this.launcher.tool(path), form);
	}

	private HttpResponse<String> crossSite(String path, String header, String value) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.launcher.tool(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", AccessSessions.COOKIE + "=" + this.browser.cookie("localhost", AccessSessions.COOKIE))
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString("text=forged&colleague=x"))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private PersonId person() {
		return new PersonId(this.jdbc.sql("SELECT id FROM person WHERE subject = ?").param(this.subject)
			.query(Long.class).single());
	}

	private long completions(String type, String item) {
		return this.jdbc.sql("SELECT COUNT(*) FROM completion WHERE person_id = ? AND item_type = ? AND item_id = ?")
			.params(person().value(), type, item)
			.query(Long.class)
			.single();
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
