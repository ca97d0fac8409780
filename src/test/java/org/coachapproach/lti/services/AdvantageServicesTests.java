package org.coachapproach.lti.services;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micrometer.core.instrument.MeterRegistry;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.People;
import org.coachapproach.people.RosterEntry;
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
 * Grades and rosters over real HTTP against a stub platform: scores through the outbox (once,
 * with retries through outages, throttling and expired tokens; refusals shown to staff), line
 * items found across pages or created, and the roster read page by page, all or nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coachapproach.lti.jwks-min-refetch=PT0S", "coachapproach.lti.scores.retry-base=PT0.2S",
				"coachapproach.lti.scores.poll=PT0.2S", "coachapproach.lti.roster.retry-base=PT0.2S",
				"coachapproach.lti.roster.poll=PT0.2S", "coachapproach.lti.roster.max-attempts=3" })
@SuppressWarnings("unchecked")
class AdvantageServicesTests {

	static final String MEMBER = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	static TestPlatform platform;

	static StubPlatformServices stub;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	People people;

	@Autowired
	CourseServices services;

	@Autowired
	LineItems lineItems;

	@Autowired
	RosterSyncQueue rosterSync;

	@Autowired
	MeterRegistry meters;

	@Autowired
	org.coachapproach.curriculum.ProgramClock programClock;

	@BeforeAll
	static void start() throws Exception {
		platform = TestPlatform.onLoopback();
		stub = new StubPlatformServices();
	}

	@AfterAll
	static void stop() {
		platform.close();
		stub.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(this.registrations, stub.url("/token"));
		stub.trustTool(tool("/lti/jwks"));
		stub.scores.clear();
		stub.lineItems.clear();
		stub.members.clear();
		stub.tokenFaults.clear();
		stub.scoreFaults.clear();
		stub.failingRosterPage = -1;
		stub.lineItemCreation = Duration.ZERO;
		this.jdbc.sql("DELETE FROM lti_score").update();
		this.jdbc.sql("DELETE FROM lti_line_item").update();
		this.jdbc.sql("DELETE FROM lti_line_item_creation").update();
		this.jdbc.sql("DELETE FROM lti_roster_sync").update();
		this.lineItems.forgetAll();
	}

	@Test
	void shouldPostOneFullCreditScoreWhenAMentorCompletesAnExercise() {
		String subject = "mentor-" + UUID.randomUUID();
		Browser mentor = launch(subject, "Learner", c -> c);

		submitReflection(mentor, "ex-listening-log");
		awaitTrue(() -> stub.scores.size() == 1, "score delivered");
		submitReflection(mentor, "ex-listening-log");

		Map<String, Object> score = stub.scores.get(0);
		assertThat(score).containsEntry("userId", subject).containsEntry("scoreGiven", 5.0)
			.containsEntry("scoreMaximum", 5.0).containsEntry("activityProgress", "Completed")
			.containsEntry("gradingProgress", "FullyGraded").containsKey("timestamp");
		assertThat((Map<String, Object>) score.get(ScoreSender.CANVAS_SUBMISSION)).containsEntry("new_submission", true);
		assertThat(stub.lineItems).singleElement().satisfies(item -> {
			assertThat(item).containsEntry("resourceId", "exercise:ex-listening-log").containsEntry("tag", "coachapproach");
		});
		awaitTrue(() -> "SENT".equals(status("exercise:ex-listening-log")), "row marked sent");
		pause(Duration.ofMillis(600));
		assertThat(stub.scores).hasSize(1);
	}

	@Test
	void shouldFindAnExistingLineItemAcrossPages() {
		stub.addLineItem("Other", 3, "exercise:ex-resource-map", "coachapproach");
		stub.addLineItem("Listening log (graded)", 20, "exercise:ex-listening-log", "coachapproach");
		Browser mentor = launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);

		submitReflection(mentor, "ex-listening-log");

		awaitTrue(() -> stub.scores.size() == 1, "score delivered");
		assertThat(stub.scores.get(0)).containsEntry("scoreGiven", 20.0)
			.containsEntry("lineItem", stub.lineItems.get(1).get("id"));
		assertThat(stub.lineItems).hasSize(2);
	}

	@Test
	void shouldCreateOneGradebookColumnWhenWorkersOfSeveralInstancesNeedANewItemAtOnce() throws Exception {
		launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);
		CourseService service = this.services.find(course()).orElseThrow();
		Registration registration = this.registrations.findById(service.registrationId()).orElseThrow();
		stub.lineItemCreation = Duration.ofMillis(300);
		int workers = 6;
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
		List<java.util.concurrent.Future<String>> urls = new java.util.ArrayList<>();
		java.util.concurrent.atomic.AtomicInteger toldToWait = new java.util.concurrent.atomic.AtomicInteger();
		for (int i = 0; i < workers; i++) {
			urls.add(pool.submit(() -> {
				start.await();
				for (int attempt = 0;; attempt++) {
					try {
						return this.lineItems.lineItem(service, registration, "exercise:ex-listening-log", "Listening log", 5)
							.url();
					}
					catch (ServiceCallException ex) {
						// What the outbox does with it: the row waits and is tried again.
						assertThat(ex.retryable()).isTrue();
						assertThat(attempt).isLessThan(20);
						toldToWait.incrementAndGet();
						Thread.sleep(ex.retryAfter().toMillis() / 10);
					}
				}
			}));
		}
		start.countDown();
		java.util.Set<String> distinct = new java.util.HashSet<>();
		for (java.util.concurrent.Future<String> url : urls) {
			distinct.add(url.get(30, java.util.concurrent.TimeUnit.SECONDS));
		}
		pool.shutdown();

		assertThat(stub.lineItems).hasSize(1);
		assertThat(distinct).containsExactly((String) stub.lineItems.get(0).get("id"));
		assertThat(toldToWait.get()).isPositive();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM lti_line_item_creation").query(Integer.class).single()).isZero();
	}

	@Test
	void shouldWaitForALiveCreationClaimAndTakeOverALapsedOneFindingTheColumnItsHolderCreated() throws Exception {
		launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);
		CourseService service = this.services.find(course()).orElseThrow();
		Registration registration = this.registrations.findById(service.registrationId()).orElseThrow();
		this.jdbc.sql("INSERT INTO lti_line_item_creation (course_id, item_key, holder, claimed_until) VALUES (?, ?, ?, ?)")
			.params(service.course().value(), "exercise:ex-listening-log", UUID.randomUUID().toString(),
					java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofMinutes(1))))
			.update();

		assertThatThrownBy(() -> this.lineItems.lineItem(service, registration, "exercise:ex-listening-log", "Listening log", 5))
			.isInstanceOfSatisfying(ServiceCallException.class, ex -> assertThat(ex.retryable()).isTrue());
		assertThat(stub.lineItems).isEmpty();

		// The holder created the column, then died before storing it; its claim lapses.
		Map<String, Object> created = stub.addLineItem("Listening log", 5, "exercise:ex-listening-log", "coachapproach");
		this.jdbc.sql("UPDATE lti_line_item_creation SET claimed_until = ?")
			.param(java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofSeconds(1))))
			.update();

		assertThat(this.lineItems.lineItem(service, registration, "exercise:ex-listening-log", "Listening log", 5).url())
			.isEqualTo(created.get("id"));
		assertThat(stub.lineItems).hasSize(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM lti_line_item_creation").query(Integer.class).single()).isZero();
	}

	@Test
	void shouldDeliverOnceThroughTokenOutageThrottlingServerErrorsAndAnExpiredToken() {
		Browser mentor = launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);
		stub.revokeTokens();
		stub.tokenFaults.add(new StubPlatformServices.Fault(503, null));
		stub.tokenFaults.add(new StubPlatformServices.Fault(503, null));
		stub.scoreFaults.add(new StubPlatformServices.Fault(429, "1"));
		stub.scoreFaults.add(new StubPlatformServices.Fault(500, null));

		submitReflection(mentor, "ex-listening-log");
		awaitTrue(() -> stub.scores.size() == 1, "score delivered after the faults");
		// A token the platform revoked before its expiry: refreshed once, at once.
		stub.revokeTokens();
		submitReflection(mentor, "ex-resource-map");
		awaitTrue(() -> stub.scores.size() == 2, "second score delivered with a fresh token");

		pause(Duration.ofMillis(600));
		assertThat(stub.scores).hasSize(2);
		assertThat(this.jdbc.sql("SELECT attempts FROM lti_score WHERE item_key = 'exercise:ex-listening-log'")
			.query(Integer.class).single()).isGreaterThanOrEqualTo(4);
		// Retries never ask Canvas for a second submission.
		assertThat((Map<String, Object>) stub.scores.get(0).get(ScoreSender.CANVAS_SUBMISSION)).containsEntry("new_submission", false);
	}

	@Test
	void shouldMarkARefusedScoreFailedShowStaffAndSendItAgainOnRequest() {
		Browser mentor = launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);
		stub.scoreFaults.add(new StubPlatformServices.Fault(400, null));

		submitReflection(mentor, "ex-listening-log");
		awaitTrue(() -> "FAILED".equals(status("exercise:ex-listening-log")), "row marked failed");
		assertThat(stub.scores).isEmpty();

		Browser instructor = launch("teacher-" + UUID.randomUUID(), "Instructor", c -> c);
		HttpResponse<String> page = instructor.get(tool("/course/platform"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Refused by the platform: 1").contains("fault 400").contains("Dana Mentor");
		assertThat(mentor.get(tool("/course/platform")).statusCode()).isEqualTo(403);

		HttpResponse<String> retried = instructor.post(tool("/course/platform/scores/retry"), Map.of());
		assertThat(retried.statusCode()).isEqualTo(302);
		awaitTrue(() -> stub.scores.size() == 1, "score delivered after retry");
	}

	@Test
	void shouldFailAScoreWithoutCallingThePlatformWhenItDidNotGrantTheScoreScope() {
		platform.registerWith(this.registrations, stub.url("/token"),
				java.util.Set.of(CourseService.LINE_ITEM_SCOPE, CourseService.ROSTER_SCOPE));
		Browser mentor = launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);
		int tokenRequests = stub.tokenRequests.get();

		submitReflection(mentor, "ex-listening-log");
		awaitTrue(() -> "FAILED".equals(status("exercise:ex-listening-log")), "row marked failed");

		assertThat(this.jdbc.sql("SELECT last_error FROM lti_score WHERE item_key = 'exercise:ex-listening-log'")
			.query(String.class).single()).isEqualTo(ServiceTokens.SCOPE_NOT_GRANTED + CourseService.SCORE_SCOPE);
		assertThat(stub.tokenRequests.get()).isEqualTo(tokenRequests);
		assertThat(stub.lineItems).isEmpty();
		assertThat(stub.scores).isEmpty();
	}

	@Test
	void shouldSayWhichServiceScopesThePlatformDidNotGrantAndQueueNoRosterSync() {
		launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);
		CourseId course = course();
		// Synced before: the instructor's launch below asks for no sync of its own.
		this.jdbc.sql("UPDATE lti_course_service SET roster_synced_at = ?, roster_error = NULL WHERE course_id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now()), course.value())
			.update();
		platform.registerWith(this.registrations, stub.url("/token"), java.util.Set.of(CourseService.LINE_ITEM_SCOPE));
		Browser instructor = launch("teacher-" + UUID.randomUUID(), "Instructor", c -> c);

		String page = instructor.get(tool("/course/platform")).body();
		assertThat(page).contains("did not grant this tool the roster service")
			.contains("did not grant this tool the score service")
			.doesNotContain("action=\"/course/platform/roster\"");
		HttpResponse<String> sync = instructor.post(tool("/course/platform/roster"), Map.of());
		assertThat(sync.statusCode()).isEqualTo(302);
		assertThat(sync.headers().firstValue("Location").orElseThrow()).endsWith("/course/platform");
		assertThat(this.rosterSync.state(course)).isEmpty();

		platform.registerWith(this.registrations, stub.url("/token"));
		String granted = instructor.get(tool("/course/platform")).body();
		assertThat(granted).doesNotContain("did not grant this tool").contains("action=\"/course/platform/roster\"");
	}

	@Test
	void shouldShowTheRosterSyncTimeInTheTimeZoneTheLaunchSent() {
		launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);
		java.time.Instant synced = java.time.Instant.parse("2026-03-01T12:00:00Z");
		this.jdbc.sql("UPDATE lti_course_service SET roster_synced_at = ?, roster_members = 5, roster_error = NULL WHERE course_id = ?")
			.params(java.sql.Timestamp.from(synced), course().value())
			.update();
		Browser inTokyo = launch("teacher-" + UUID.randomUUID(), "Instructor", c -> c.claim("locale", "en-US")
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom", Map.of("user_time_zone", "Asia/Tokyo")));
		Browser unknown = launch("teacher-" + UUID.randomUUID(), "Instructor", c -> c.claim("locale", "en-US"));

		assertThat(inTokyo.get(tool("/course/platform")).body())
			.contains("Last synced 1 March 2026, 21:00 (Asia/Tokyo): 5 members listed.");
		java.time.ZoneId program = this.programClock.zone();
		assertThat(unknown.get(tool("/course/platform")).body()).contains("Last synced "
				+ java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", java.util.Locale.US)
					.format(synced.atZone(program))
				+ " (" + program.getId() + "): 5 members listed.");
	}

	@Test
	void shouldSendOnlyTheFactOfASurveySubmissionAndOnlyWithCompletionCreditOn() {
		Browser instructor = launch("teacher-" + UUID.randomUUID(), "Instructor", c -> c);
		Browser mentor = launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);
		Map<String, String> answers = Map.of("a.strategies-helpful", "5", "a.likely-to-use", "4", "a.meeting-frequency",
				"once", "a.comments", "Secret opinion about the program", "action", "submit");
		String opens = java.time.LocalDate.now().minusDays(1).toString();
		String closes = java.time.LocalDate.now().plusDays(7).toString();
		assertThat(instructor.post(tool("/course/surveys/mentor-post"), Map.of("post.opens", opens, "post.closes", closes))
			.statusCode()).isEqualTo(302);

		assertThat(mentor.post(tool("/surveys/mentor-post/post"), answers).statusCode()).isEqualTo(302);
		pause(Duration.ofMillis(800));
		assertThat(stub.scores).as("credit is off by default").isEmpty();

		Browser staff = launch("admin-" + UUID.randomUUID(), "Administrator", c -> c);
		assertThat(staff.post(tool("/course/surveys/mentor-post"),
				Map.of("post.opens", opens, "post.closes", closes, "completionCredit", "on")).statusCode()).isEqualTo(302);
		Browser second = launch("mentor-" + UUID.randomUUID(), "Learner", c -> c);
		assertThat(second.post(tool("/surveys/mentor-post/post"), answers).statusCode()).isEqualTo(302);

		awaitTrue(() -> stub.scores.size() == 1, "survey completion delivered");
		assertThat(stub.lineItems).singleElement()
			.satisfies(item -> assertThat(item).containsEntry("resourceId", "survey:mentor-post:post"));
		assertThat(stub.scores.get(0).toString()).doesNotContain("Secret opinion").doesNotContain("strategies");
	}

	@Test
	void shouldSyncEveryRosterPageOnTheFirstInstructorLaunch() {
		String teacher = "teacher-" + UUID.randomUUID();
		stub.addMember(teacher, "Priya Raman", "Active", MEMBER + "Instructor");
		stub.addMember("nrps-a", "Ada Mentor", "Active", MEMBER + "Learner");
		stub.addMember("nrps-b", "Ben Mentee", "Active", MEMBER + "Learner");
		stub.addMember("nrps-c", "Cleo Away", "Inactive", MEMBER + "Learner");
		stub.addMember("nrps-d", "Dev Gone", "Deleted", MEMBER + "Learner");
		this.jdbc.sql("UPDATE lti_course_service SET roster_synced_at = NULL, roster_error = NULL").update();
		this.services.forget();

		launch(teacher, "Instructor", c -> c);
		CourseId course = course();
		awaitTrue(() -> this.services.find(course).map(s -> s.rosterSyncedAt() != null).orElse(false), "roster synced");

		assertThat(this.people.roster(course)).extracting(RosterEntry::displayName)
			.contains("Priya Raman", "Ada Mentor", "Ben Mentee")
			.doesNotContain("Cleo Away", "Dev Gone");
		assertThat(this.services.find(course).orElseThrow().rosterMembers()).isEqualTo(5);
		assertThat(this.jdbc.sql("""
				SELECT m.status FROM membership m JOIN person p ON p.id = m.person_id WHERE p.subject = 'nrps-c'""")
			.query(String.class).single()).isEqualTo("INACTIVE");
	}

	@Test
	void shouldKeepThePreviousRosterWhenAPageFailsMidSyncRetryAndThenShowTheFailure() throws Exception {
		String teacher = "teacher-" + UUID.randomUUID();
		stub.addMember(teacher, "Priya Raman", "Active", MEMBER + "Instructor");
		stub.addMember("keep-a", "Kept Alpha", "Active", MEMBER + "Learner");
		Browser instructor = launch(teacher, "Instructor", c -> c);
		CourseId course = course();
		assertThat(instructor.post(tool("/course/platform/roster"), Map.of()).statusCode()).isEqualTo(302);
		awaitSync(course, RosterSyncState.Status.DONE);
		assertThat(this.people.roster(course)).extracting(RosterEntry::displayName).contains("Kept Alpha");

		stub.members.removeIf(m -> m.get("user_id").equals("keep-a"));
		stub.addMember("new-b", "New Beta", "Active", MEMBER + "Learner");
		stub.addMember("new-c", "New Gamma", "Active", MEMBER + "Learner");
		stub.failingRosterPage = 1;
		double failedBefore = count("failed");
		double retriedBefore = count("retried");
		int readsBefore = stub.rosterReads.get();

		assertThat(instructor.post(tool("/course/platform/roster"), Map.of()).statusCode()).isEqualTo(302);

		awaitSync(course, RosterSyncState.Status.FAILED);
		assertThat(stub.rosterReads.get() - readsBefore).isEqualTo(3);
		assertThat(count("retried") - retriedBefore).isEqualTo(2);
		assertThat(count("failed") - failedBefore).isEqualTo(1);
		String page = instructor.get(tool("/course/platform")).body();
		assertThat(page).contains("the previous roster was kept").contains("given up after 3 attempts");
		assertThat(this.people.roster(course)).extracting(RosterEntry::displayName).contains("Kept Alpha")
			.doesNotContain("New Beta", "New Gamma");

		stub.failingRosterPage = -1;
		assertThat(instructor.post(tool("/course/platform/roster"), Map.of()).statusCode()).isEqualTo(302);
		awaitSync(course, RosterSyncState.Status.DONE);
		assertThat(this.people.roster(course)).extracting(RosterEntry::displayName).contains("New Beta", "New Gamma")
			.doesNotContain("Kept Alpha");
		assertThat(instructor.get(tool("/course/platform")).body()).contains("The last requested roster sync finished at");
	}

	private void awaitSync(CourseId course, RosterSyncState.Status status) {
		awaitTrue(() -> this.rosterSync.state(course).map(s -> s.status() == status).orElse(false), "roster sync " + status);
	}

	private double count(String outcome) {
		return this.meters.counter(RosterSyncQueue.METER, "outcome", outcome).count();
	}

	Browser launch(String subject, String role, UnaryOperator<JWTClaimsSet.Builder> adjust) {
		return platform.signIn(tool(""), subject, claims -> adjust.apply(claims
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(MEMBER + role))
			.claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
					Map.of("scope", List.of(CourseService.LINE_ITEM_SCOPE, CourseService.SCORE_SCOPE,
							"https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"), "lineitems",
							stub.url("/courses/7/line_items")))
			.claim("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
					Map.of("context_memberships_url", stub.url("/courses/7/memberships"), "service_versions",
							List.of("2.0")))));
	}

	void submitReflection(Browser browser, String exercise) {
		HttpResponse<String> answer = browser.post(tool("/exercises/" + exercise + "/reflection/submit"),
				Map.of("text", "what I learned"));
		assertThat(answer.statusCode()).isEqualTo(302);
	}

	CourseId course() {
		return new CourseId(this.jdbc.sql("SELECT id FROM course WHERE context_id = 'course-7' AND issuer = ?")
			.param(platform.issuer()).query(Long.class).single());
	}

	String status(String itemKey) {
		return this.jdbc.sql("SELECT status FROM lti_score WHERE item_key = ?").param(itemKey).query(String.class)
			.optional().orElse(null);
	}

	String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

	static void awaitTrue(BooleanSupplier condition, String what) {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("Timed out waiting for: " + what);
			}
			pause(Duration.ofMillis(50));
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
