package org.coachapproach;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachapproach.demoplatform.DemoCourseItem;
import org.coachapproach.demoplatform.DemoPlatform;
import org.coachapproach.demoplatform.DemoScore;
import org.coachapproach.demoplatform.RegistrationState;
import org.coachapproach.lti.Browser;
import org.coachapproach.people.People;
import org.coachapproach.people.RosterEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LTI Advantage end to end between the demo platform and the tool, over real HTTP only: the
 * instructor places items by deep linking, a mentor launches one and completes it, the score
 * reaches the demo gradebook once; the roster is read from the platform, every page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coachapproach.demo.roster-page-size=10", "coachapproach.lti.scores.poll=PT0.2S" })
class AdvantageEndToEndTests {

	private static final Pattern TOOL_FRAME = Pattern.compile("id=\"tool-frame\"[^>]*src=\"([^\"]+)\"");

	@Autowired
	DemoPlatform platform;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void registered() {
		assertThat(this.platform.awaitRegistration(Duration.ofSeconds(30))).isEqualTo(RegistrationState.REGISTERED);
	}

	@Test
	void shouldPlaceItemsLaunchOneCompleteItAndSeeTheScoreInTheGradebook() {
		Browser instructor = new Browser();
		HttpResponse<String> picker = open(instructor, this.platform.deepLinkingLaunchUrl("instructor"));
		assertThat(picker.body()).contains("Add Coach Approach content");

		HttpResponse<String> answer = instructor.post(picker.uri().toString(),
				List.of(Map.entry("item", "exercise:ex-listening-log"), Map.entry("title.exercise:ex-listening-log", "Listening log"),
						Map.entry("points.exercise:ex-listening-log", "10"), Map.entry("item", "session:5"),
						Map.entry("title.session:5", "Session 5: Listening"), Map.entry("points.session:5", "0")));
		assertThat(answer.statusCode()).isEqualTo(200);
		HttpResponse<String> returned = instructor.follow(instructor.submitForm(answer, "id=\"deep-link-return\""));
		assertThat(returned.statusCode()).isLessThan(400);

		List<DemoCourseItem> items = this.platform.courseItems();
		DemoCourseItem log = items.stream().filter(i -> "Listening log".equals(i.title())).reduce((a, b) -> b).orElseThrow();
		assertThat(log.custom()).containsEntry("coachapproach_item", "exercise:ex-listening-log");
		assertThat(log.lineItemUrl()).isNotNull();
		assertThat(items.stream().filter(i -> "Session 5: Listening".equals(i.title())).reduce((a, b) -> b).orElseThrow()
			.lineItemUrl()).isNull();

		Browser mentor = new Browser();
		HttpResponse<String> exercise = open(mentor, this.platform.itemLaunchUrl("mentor", log.id()));
		assertThat(exercise.uri().getPath()).isEqualTo("/exercises/ex-listening-log");
		HttpResponse<String> submitted = mentor.post(exercise.uri().resolve("/exercises/ex-listening-log/reflection/submit").toString(),
				Map.of("text", "Three levels of listening, noticed at home."));
		assertThat(submitted.statusCode()).isEqualTo(302);

		String subject = this.platform.subject("mentor");
		awaitTrue(() -> this.platform.scoresReceived().stream()
			.anyMatch(s -> s.userId().equals(subject) && s.lineItemUrl().equals(log.lineItemUrl())), "score in the gradebook");
		DemoScore score = this.platform.scoresReceived().stream()
			.filter(s -> s.userId().equals(subject) && s.lineItemUrl().equals(log.lineItemUrl())).findFirst().orElseThrow();
		assertThat(score.scoreGiven()).isEqualTo(10.0);
		assertThat(score.scoreMaximum()).isEqualTo(10.0);
		assertThat(score.activityProgress()).isEqualTo("Completed");
		assertThat(score.gradingProgress()).isEqualTo("FullyGraded");
		assertThat(this.platform.scorePostCount(log.lineItemUrl(), subject)).isEqualTo(1);
	}

	@Test
	void shouldSyncTheWholeRosterOfSeveralPagesOnDemand() {
		assertThat(this.platform.rosterSize()).isGreaterThan(3 * this.platform.rosterPageSize());
		Browser staff = new Browser();
		HttpResponse<String> home = open(staff, this.platform.launchUrl("staff"));
		HttpResponse<String> synced = staff.post(home.uri().resolve("/course/platform/roster").toString(), Map.of());
		assertThat(synced.statusCode()).isEqualTo(302);

		HttpResponse<String> page = staff.follow(synced);
		assertThat(page.body()).contains("A roster sync was queued");
		// The sync runs on the roster queue's own thread: the page shows it done once it is.
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
		while (!page.body().contains("The last requested roster sync finished at") && System.nanoTime() < deadline) {
			sleep(200);
			page = staff.get(page.uri().toString());
		}
		assertThat(page.body()).contains("The last requested roster sync finished at")
			.contains(this.platform.rosterSize() + " members listed");
		long courseId = this.jdbc.sql("SELECT course_id FROM lti_course_service ORDER BY updated_at DESC LIMIT 1")
			.query(Long.class).single();
		List<RosterEntry> roster = this.people.roster(new org.coachapproach.people.CourseId(courseId));
		int inactiveOrDeleted = this.jdbc.sql("SELECT COUNT(*) FROM membership WHERE course_id = ? AND status <> 'ACTIVE'")
			.param(courseId).query(Integer.class).single();
		assertThat(roster.size() + inactiveOrDeleted).isGreaterThanOrEqualTo(this.platform.rosterSize());
		assertThat(inactiveOrDeleted).isPositive();
	}

	/** Course page → tool frame's login → platform authorization → auto-post → the tool's page. */
	private HttpResponse<String> open(Browser browser, URI coursePage) {
		HttpResponse<String> page = browser.get(coursePage.toString());
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		Matcher frame = TOOL_FRAME.matcher(page.body());
		assertThat(frame.find()).as(page.body()).isTrue();
		String login = frame.group(1).replace("&amp;", "&").replace("&lti_storage_target=post_message_forwarding", "");
		HttpResponse<String> autopost = browser.follow(browser.get(login));
		HttpResponse<String> launched = browser.submitForm(autopost);
		assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
		HttpResponse<String> landed = browser.follow(launched);
		assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
		return landed;
	}

	private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("Timed out waiting for: " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
