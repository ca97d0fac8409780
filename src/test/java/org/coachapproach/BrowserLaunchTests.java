package org.coachapproach;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachapproach.demoplatform.DemoPlatform;
import org.coachapproach.demoplatform.RegistrationState;
import org.coachapproach.people.AccessSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.NoSuchFrameException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The launch as a person sees it: Debian's Chromium opens the demo platform's course page
 * ({@code 127.0.0.1}) and the tool ({@code localhost}, another site) signs the person in inside
 * its iframe, with the pages' own scripts, in each of three cookie modes: third-party cookies
 * allowed (the cookie path); third-party cookies blocked (the partitioned, CHIPS, cookie path);
 * and every cookie of the tool's site blocked, the last resort, where the login state goes
 * through the platform's storage frame (LTI Platform Storage) and the session through the URL.
 * The journeys run in that last mode: it is the one where every link must carry the session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowserLaunchTests {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

	private static final String SKIP = "COACHAPPROACH_SKIP_BROWSER_TESTS";

	private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(20);

	private static final String TOOL_FRAME = "tool-frame";

	@Autowired
	DemoPlatform platform;

	@Autowired
	org.springframework.context.ApplicationContext context;

	private HeadlessChromium chromium;

	@BeforeEach
	void registered() {
		assertThat(this.platform.awaitRegistration(Duration.ofSeconds(30))).isEqualTo(RegistrationState.REGISTERED);
	}

	@AfterEach
	void quitBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void shouldLaunchInsideTheCourseFrameWithThirdPartyCookiesAllowed() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.ALLOWED);

		String home = this.chromium.launch(this.platform.launchUrl("mentor").toString());

		assertThat(this.chromium.frameText()).contains("Welcome, Amara Okafor")
			.contains("Your role: Learner · Mentor");
		this.chromium.assertAccessible();
		// The cookie path: the session is in the tool's cookie, not in the URL.
		assertThat(sessionInUrl(home)).isNull();
		assertThat(this.chromium.cookieNames(home)).contains(AccessSessions.COOKIE);
	}

	@Test
	void shouldLaunchInsideTheCourseFrameWithThirdPartyCookiesBlockedOnItsPartitionedCookie() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.THIRD_PARTY_BLOCKED);

		String home = this.chromium.launch(this.platform.launchUrl("mentor").toString());

		assertThat(this.chromium.frameText()).contains("Welcome, Amara Okafor")
			.contains("Your role: Learner · Mentor");
		// Third-party cookies blocked, partitioned ones kept (CHIPS): the login state and the
		// session are cookies in the platform's partition, and the URL carries no token.
		assertThat(sessionInUrl(home)).isNull();
		assertThat(this.chromium.partitionedCookieNames(home)).contains(AccessSessions.COOKIE);
		this.chromium.reloadFrame();
		assertThat(this.chromium.awaitFrameText("Welcome,")).contains("Welcome, Amara Okafor");
	}

	@Test
	void shouldLaunchInsideTheCourseFrameWithTheToolsCookiesBlocked() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);

		String home = this.chromium.launch(this.platform.launchUrl("mentor").toString());

		assertThat(this.chromium.frameText()).contains("Welcome, Amara Okafor")
			.contains("Your role: Learner · Mentor");
		// The last resort: state through Platform Storage, then the session in the URL.
		assertThat(sessionInUrl(home)).isNotBlank();
		assertThat(this.chromium.cookieNames(home)).doesNotContain(AccessSessions.COOKIE)
			.noneMatch(name -> name.startsWith("__Host-lti_state_"));
		// The session carries on without cookies: the same page again, in the frame.
		this.chromium.reloadFrame();
		assertThat(this.chromium.awaitFrameText("Welcome,")).contains("Welcome, Amara Okafor");
		assertThat(this.chromium.frameUrl()).isEqualTo(home);
	}

	/**
	 * The platform's storage frame is still loading when the tool's login page asks it to keep
	 * the state (a busy browser, a slow platform): the first messages reach an empty frame with
	 * nobody listening, and the tool asks again until the frame answers. The course page here
	 * (a test page at the platform's origin) starts the storage frame three seconds late.
	 */
	@Test
	void shouldLaunchWhenThePlatformStorageFrameLoadsLate() throws IOException, InterruptedException {
		URI coursePage = this.platform.launchUrl("mentor");
		String html = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(coursePage).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher toolFrame = Pattern.compile("<iframe[^>]*id=\"tool-frame\"[^>]*\\ssrc=\"([^\"]+)\"").matcher(html);
		assertThat(toolFrame.find()).as("the course page's tool frame").isTrue();
		String login = toolFrame.group(1).replace("&amp;", "&");
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);

		String home = this.chromium.launch(UriComponentsBuilder.fromUri(coursePage)
			.replacePath("/demo/assets/test/late-storage-frame.html")
			.replaceQuery(null)
			.queryParam("login", "{login}")
			.queryParam("delay", 3000)
			.encode()
			.buildAndExpand(login)
			.toUriString());

		assertThat(this.chromium.frameText()).contains("Welcome, Amara Okafor");
		assertThat(sessionInUrl(home)).isNotBlank();
	}

	@Test
	void shouldLaunchAnInstructorInsideTheCourseFrameWithThirdPartyCookiesBlocked() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);

		String home = this.chromium.launch(this.platform.launchUrl("instructor").toString());

		assertThat(this.chromium.frameText()).contains("Welcome, Priya Raman")
			.containsPattern(Pattern.compile("^Your role: Instructor$", Pattern.MULTILINE));
		this.chromium.assertAccessible();
		assertThat(sessionInUrl(home)).isNotBlank();
	}

	/**
	 * A mentor's journey in Chromium's default mode (third-party cookies blocked, so every link
	 * carries the session): open a session, write reflections (saved as typed), submit them, see
	 * the session complete, watch a recording; axe-core checks each page on the way.
	 */
	@Test
	void shouldTakeAMentorThroughASessionReflectionAndRecording() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("mentee").toString());

		this.chromium.click("a[href*='/sessions/2']");
		this.chromium.awaitFrameText("Objectives");
		this.chromium.assertAccessible();

		for (String exercise : List.of("ex-advice-to-inquiry", "ex-ethics-dilemmas")) {
			this.chromium.click("a[href*='/exercises/" + exercise + "']");
			this.chromium.awaitFrameText("Submit reflection");
			this.chromium.type("#reflection-text", "<script>document.title='pwned'</script> I asked before advising.");
			this.chromium.awaitFrameText("Saved");
			this.chromium.assertAccessible();
			this.chromium.click("#reflection-form button[type=submit]");
			String submitted = this.chromium.awaitFrameText("This is the reflection you submitted");
			// Shown as text, never run.
			assertThat(submitted).contains("<script>document.title='pwned'</script> I asked before advising.");
			assertThat(this.chromium.frameTitle()).doesNotContain("pwned");
			this.chromium.click("a[href*='/sessions/2']");
			this.chromium.awaitFrameText("Objectives");
		}

		this.chromium.click("a[href^='/series'], a[href*='/series?'], nav a[href*='/series']");
		this.chromium.awaitFrameText("CFDS");
		this.chromium.assertAccessible();
		this.chromium.click("a[href*='/series/cfds-']");
		this.chromium.awaitFrameText("Mark as watched");
		this.chromium.assertAccessible();
		this.chromium.click("form[action*='/watched'] button");
		this.chromium.awaitFrameText("You have watched this recording.");

		this.chromium.click("nav a[href^='/?'], nav a[href='/']");
		String home = this.chromium.awaitFrameText("1 of 7 sessions complete");
		assertThat(home).contains("Welcome,");
		this.chromium.assertAccessible();
		assertThat(sessionInUrl(this.chromium.frameUrl())).isNotBlank();
	}

	/**
	 * Session 3's alliance table as a mentor sees it: a real table with its caption and column
	 * header cells, not lines of '|'; axe-core clean at a desktop's and a phone's width, and
	 * so is the listening log's table inside a numbered step.
	 */
	@Test
	void shouldShowAMentorSessionThreesAllianceAsATable() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("mentor").toString());

		this.chromium.goInFrame("/sessions/3");
		String page = this.chromium.awaitFrameText("Elements of a designed alliance");

		assertThat(page).doesNotContain("|---|").doesNotContain("| Purpose |");
		assertThat(this.chromium.texts(".content table caption"))
			.containsExactly("Elements of a designed alliance and the questions to agree on each");
		assertThat(this.chromium.texts(".content table thead th[scope=col]")).containsExactly("element", "questions to agree");
		assertThat(this.chromium.texts(".content table tbody tr")).hasSize(7);
		this.chromium.assertAccessible();
		this.chromium.resize(390, 844);
		this.chromium.goInFrame("/sessions/3");
		this.chromium.awaitFrameText("Elements of a designed alliance");
		this.chromium.assertAccessible();

		// A table inside a numbered step.
		this.chromium.goInFrame("/exercises/ex-listening-log");
		this.chromium.awaitFrameText("Listening log: what to note after each conversation");
		assertThat(this.chromium.texts(".content ol table thead th[scope=col]")).containsExactly("prompt", "your notes");
		this.chromium.assertAccessible();
	}

	/**
	 * Session 1 as a mentor sees it: the time outside the session, each item marked essential
	 * or optional with its minutes, the career development segments and their triad; axe-core
	 * clean on both pages.
	 */
	@Test
	void shouldShowAMentorSessionOnesWorkloadAndCareerDevelopmentTriad() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("mentor").toString());

		this.chromium.goInFrame("/sessions/1");
		String page = this.chromium.awaitFrameText("Three routes of career development");

		assertThat(this.chromium.texts("p.workload")).singleElement().asString().contains("about 80 minutes essential");
		assertThat(this.chromium.texts("ul.assignments .marker")).containsExactly("Essential", "Essential", "Optional",
				"Essential", "Optional", "Optional");
		assertThat(page).contains("Through education").contains("Through networking")
			.contains("Aligning personal goals with the department's").contains("Imposter phenomenon");
		this.chromium.assertAccessible();

		this.chromium.goInFrame("/exercises/ex-career-development-triad");
		this.chromium.awaitFrameText("Observer checklist");
		this.chromium.assertAccessible();
	}

	/** An instructor sets a release date; the mentor sees the session as not yet open. */
	@Test
	void shouldLetAnInstructorChangeAReleaseDateThatLearnersSee() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("instructor").toString());
		this.chromium.click("nav a[href*='/course/settings']");
		this.chromium.awaitFrameText("Save settings");
		this.chromium.assertAccessible();
		Throwable failed = null;
		try {
			this.chromium.setValue("#session-session-07-release", "2031-01-15");
			this.chromium.click("main form button[type=submit]");
			this.chromium.awaitFrameText("Saved");
			this.chromium.assertAccessible();

			try (HeadlessChromium mentor = HeadlessChromium.start(Cookies.TOOL_BLOCKED)) {
				mentor.launch(this.platform.launchUrl("mentor").toString());
				assertThat(mentor.frameText()).contains("Opens on");
			}
		}
		catch (RuntimeException | Error ex) {
			failed = ex;
			throw ex;
		}
		finally {
			// Put the date back for the other tests; a failure here must not hide the one above.
			try {
				this.chromium.click("nav a[href*='/course/settings']");
				this.chromium.awaitFrameText("Save settings");
				this.chromium.setValue("#session-session-07-release", "");
				this.chromium.click("main form button[type=submit]");
				this.chromium.awaitFrameText("Saved");
			}
			catch (RuntimeException ex) {
				if (failed == null) {
					throw ex;
				}
				failed.addSuppressed(ex);
			}
		}
	}

	/** Program staff see who completed what, and export it. */
	@Test
	void shouldShowStaffTheCompletionDashboardAndExportIt() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("staff").toString());
		this.chromium.click("nav a[href*='/course/completion']");
		this.chromium.awaitFrameText("Download as CSV");
		this.chromium.assertAccessible();

		String csv = this.chromium.fetchInFrame("a[href*='completion.csv']");
		assertThat(csv).contains("Margaret Lindqvist");
	}

	/**
	 * An instructor adds content through deep linking inside the course frame: the picker
	 * (axe-core checked), one session with points, and the platform's confirmation; then the
	 * course connection page.
	 */
	@Test
	void shouldLetAnInstructorPlaceContentAndSeeTheCourseConnection() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.open(this.platform.deepLinkingLaunchUrl("instructor").toString(), "Add Coach Approach content");
		this.chromium.assertAccessible();

		this.chromium.click("input[name='item'][value='session:4']");
		this.chromium.type("input[name='points.session:4']", "0");
		this.chromium.click("form.placements button[type=submit]");
		this.chromium.awaitFrameText("One item was added to the course.");
		assertThat(this.platform.courseItems()).anyMatch(item -> "session:4".equals(item.custom().get("coachapproach_item")));

		this.chromium.launch(this.platform.launchUrl("instructor").toString());
		this.chromium.click("nav a[href*='/course/platform']");
		this.chromium.awaitFrameText("Course connection");
		this.chromium.assertAccessible();
	}

	/**
	 * Matching end to end: the mentor and the mentee fill in their questionnaires, staff run the
	 * match and publish it, the mentee logs a meeting and the mentor sees it (without the
	 * mentee's private note); axe-core on each page.
	 */
	@Test
	void shouldMatchAMentorAndAMenteeWhoThenLogAMeeting() throws IOException {
		for (String person : List.of("mentor", "mentee")) {
			try (HeadlessChromium browser = HeadlessChromium.start(Cookies.TOOL_BLOCKED)) {
				browser.launch(this.platform.launchUrl(person).toString());
				browser.click("a[href*='/matching/intake']");
				browser.awaitFrameText("matching questionnaire");
				browser.assertAccessible();
				if (person.equals("mentor")) {
					browser.setValue("#capacity", "2");
				}
				browser.click("input[name='specialty.options'][value='cardiology']");
				browser.click("input[name='professional-interests.options'][value='promotion']");
				browser.click("input[name='professional-interests.direction'][value='same']");
				browser.click("form.intake button[type=submit]");
				browser.awaitFrameText("Your answers are saved.");
				browser.assertAccessible();
			}
		}

		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("staff").toString());
		this.chromium.click("a[href^='/matching?'], a[href='/matching']");
		this.chromium.awaitFrameText("Run the match");
		this.chromium.click("form[action*='/matching/run'] button");
		String proposal = this.chromium.awaitFrameText("Proposed pairs (1)");
		assertThat(proposal).contains("Daniel Reyes").contains("Amara Okafor")
			.contains("Mentee wants the same Professional interests (wish) · met");
		this.chromium.assertAccessible();
		this.chromium.click("form[action*='/matching/publish'] button");
		this.chromium.awaitFrameText("The matches are published.");

		try (HeadlessChromium mentee = HeadlessChromium.start(Cookies.TOOL_BLOCKED)) {
			mentee.launch(this.platform.launchUrl("mentee").toString());
			assertThat(mentee.frameText()).contains("You have been matched with Amara Okafor, your mentor.");
			mentee.click("a[href*='/matching/pairs/']");
			mentee.awaitFrameText("Log a meeting you had");
			mentee.assertAccessible();
			mentee.setValue("#metOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
			mentee.type("#topics", "Promotion timeline and teaching portfolio");
			mentee.click("input[name='behaviours'][value='active-listening']");
			mentee.type("#note", "Private: ask about the dossier next time");
			mentee.click("form.log-meeting button[type=submit]");
			String logged = mentee.awaitFrameText("The meeting is logged.");
			assertThat(logged).contains("Promotion timeline and teaching portfolio").contains("Private: ask about the dossier");
			mentee.assertAccessible();
		}
		try (HeadlessChromium mentor = HeadlessChromium.start(Cookies.TOOL_BLOCKED)) {
			mentor.launch(this.platform.launchUrl("mentor").toString());
			mentor.click("a[href*='/matching/pairs/']");
			String page = mentor.awaitFrameText("Promotion timeline and teaching portfolio");
			assertThat(page).contains("logged by your partner").doesNotContain("ask about the dossier");
			mentor.assertAccessible();
		}
	}

	/** Staff's schedule, its session form, the email page and the calendar page, each checked by axe-core. */
	@Test
	void shouldShowStaffTheScheduleEmailAndCalendarPagesAccessibly() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("staff").toString());
		this.chromium.click("nav a[href*='/series/schedule']");
		this.chromium.awaitFrameText("Add the series to your calendar");
		this.chromium.assertAccessible();
		this.chromium.click("a[href*='/series/schedule/new']");
		this.chromium.awaitFrameText("The presenter gave permission to record this session");
		this.chromium.assertAccessible();
		this.chromium.click("nav a[href*='/outreach']");
		this.chromium.awaitFrameText("Kinds of email");
		this.chromium.assertAccessible();
		this.chromium.click("nav a[href*='/calendar']");
		this.chromium.awaitFrameText("Your calendar address");
		this.chromium.assertAccessible();
	}

	/**
	 * A mentor takes a survey from the reminder on their home page (the demo course holds a
	 * synthetic cohort), then program staff see the report with that answer counted and no one
	 * named.
	 */
	@Test
	void shouldTakeASurveyAsAMentorAndShowTheReportToStaff() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("mentor").toString());
		forgetDemoMentorsFeedback();
		this.chromium.click("nav a[href*='/surveys']");
		this.chromium.awaitFrameText("Your surveys");
		this.chromium.assertAccessible();
		this.chromium.click("a[href*='/surveys/mentor-post/post']");
		this.chromium.awaitFrameText("How helpful were the coach-approach strategies");
		this.chromium.assertAccessible();
		this.chromium.click("label[for='q-strategies-helpful-4']");
		this.chromium.click("label[for='q-likely-to-use-3']");
		this.chromium.click("label[for='q-meeting-frequency-2']");
		this.chromium.type("#q-comments", "Worth every Tuesday.");
		this.chromium.click("button[value='submit']");
		this.chromium.awaitFrameText("Thank you: your answers are submitted.");
		this.chromium.assertAccessible();

		try (HeadlessChromium staff = HeadlessChromium.start(Cookies.TOOL_BLOCKED)) {
			staff.launch(this.platform.launchUrl("staff").toString());
			staff.click("nav a[href*='/course/surveys']");
			staff.awaitFrameText("Set when each survey is open");
			staff.assertAccessible();
			staff.click("a[href*='/course/surveys/report']");
			String report = staff.awaitFrameText("SYNTHETIC DATA");
			// The mentor's answers are held while the window is open (a before/after comparison shows nothing).
			assertThat(report).contains("Mentor feedback on the training").contains("35 respondents.")
				.contains("Mentor feedback on the training, Post wave: answers count once its window closes on")
				.doesNotContain("Worth every Tuesday.").doesNotContain("Amara").doesNotContain("Okafor");
			staff.assertAccessible();
			// The mentors' pre/post scales by gender identity crossed with rank.
			staff.setValue("#instrument", "mentor-prepost");
			staff.setValue("#subgroup", "gender-identity");
			staff.setValue("#cross", "rank");
			staff.click("form.report-options button[type=submit]");
			staff.awaitFrameText("By two subgroups");
			staff.assertAccessible();
		}
	}

	/** Staff's evaluation report (the demo course's synthetic cohort) and its printable layout, each checked by axe-core. */
	@Test
	void shouldShowStaffTheEvaluationReportAndItsPrintLayoutAccessibly() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("staff").toString());
		this.chromium.goInFrame("/course/surveys/report");
		this.chromium.awaitFrameText("SYNTHETIC DATA");
		this.chromium.click("a[href*='/course/surveys/evaluation']");
		assertThat(this.chromium.awaitFrameText("Methods")).contains("Table 1. Response rates")
			.contains("Figure 1. Mentor self-assessment");
		this.chromium.assertAccessible();
		this.chromium.click("a[href*='print=true']");
		this.chromium.awaitFrameText("Methods");
		assertThat(this.chromium.frameUrl()).contains("print=true");
		this.chromium.assertAccessible();
	}

	/**
	 * Staff open the comparison of cohorts over years from the survey report: two earlier cohorts
	 * imported into the demo course beside its own (synthetic) one, tables and a trend chart per
	 * scale score, checked by axe-core on the screen and on a phone's width.
	 */
	@Test
	void shouldCompareCohortsOverYearsAccessibly() throws IOException {
		// The demo course exists once someone launched into it.
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("staff").toString());
		org.springframework.jdbc.core.simple.JdbcClient jdbc = this.context
			.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		org.coachapproach.people.CourseId course = new org.coachapproach.people.CourseId(
				jdbc.sql("SELECT id FROM course WHERE context_id = 'c5d3a0e2-7b1f-4d9a-8e62-3f0b9c4a1d57'")
					.query(Long.class).single());
		org.coachapproach.curriculum.Curriculum curriculum = this.context
			.getBean(org.coachapproach.curriculum.Curriculum.class);
		org.coachapproach.assessment.internal.responses.Pseudonyms pseudonyms = this.context
			.getBean(org.coachapproach.assessment.internal.responses.Pseudonyms.class);
		org.coachapproach.curriculum.Instrument instrument = curriculum.instrument("mentor-prepost").orElseThrow();
		List<String> cohorts = List.of("2022-2023", "2023-2024");
		try {
			for (String cohort : cohorts) {
				List<org.coachapproach.assessment.internal.imports.CohortWriter.Submitted> responses = new java.util.ArrayList<>();
				int n = cohort.equals("2022-2023") ? 3 : 9;
				for (int r = 0; r < n; r++) {
					byte[] key = pseudonyms.ofExternal(course, "browser-" + cohort + "-" + r);
					String pre = String.valueOf(2 + r % 2);
					String post = String.valueOf(3 + r % 3);
					Map<String, String> first = new java.util.LinkedHashMap<>();
					Map<String, String> second = new java.util.LinkedHashMap<>();
					instrument.items().stream()
						.filter(i -> i.type() == org.coachapproach.curriculum.Instrument.ItemType.SCALE)
						.forEach(i -> {
							first.put(i.id(), pre);
							second.put(i.id(), post);
						});
					responses.add(new org.coachapproach.assessment.internal.imports.CohortWriter.Submitted(key, instrument.id(),
							org.coachapproach.curriculum.Instrument.Wave.PRE, first));
					responses.add(new org.coachapproach.assessment.internal.imports.CohortWriter.Submitted(key, instrument.id(),
							org.coachapproach.curriculum.Instrument.Wave.POST, second));
				}
				this.context.getBean(org.coachapproach.assessment.internal.imports.CohortWriter.class)
					.write(course, cohort, "IMPORT", curriculum.contentHash(), responses);
			}
			this.chromium.goInFrame("/course/surveys/report");
			this.chromium.awaitFrameText("SYNTHETIC DATA");
			this.chromium.click("a[href*='/course/surveys/cohorts']");
			String page = this.chromium.awaitFrameText("Scale scores over the cohorts");
			// the demo course's own cohort carries a label (and the year before is an earlier synthetic cohort)
			String own = this.context.getBean(org.coachapproach.assessment.internal.imports.CohortLabels.class).own(course)
				.orElse("This course");
			assertThat(page).contains("2022-2023").contains("2023-2024").contains(own)
				.contains("not shown: fewer than 5 respondents");
			this.chromium.assertAccessible();
			this.chromium.resize(390, 844);
			this.chromium.goInFrame("/course/surveys/cohorts");
			this.chromium.awaitFrameText("Scale scores over the cohorts");
			this.chromium.assertAccessible();
		}
		finally {
			jdbc.sql("DELETE FROM assessment_response WHERE course_id = ? AND cohort IN ('2022-2023', '2023-2024')")
				.param(course.value()).update();
		}
	}

	/**
	 * The pages no journey above passes through, each opened inside the course frame without
	 * cookies and checked with axe-core: staff's (audit history, survey import, meeting figures,
	 * attendance, each email's preview with the email's own HTML), a mentor's (own answers, a
	 * competency module), the missing placement page, and the error page; then pages with wide
	 * tables at a phone's width, where the tables scroll and must take keyboard focus.
	 */
	@Test
	void shouldMakeEveryOtherPageAccessibleInsideTheCourseFrame() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("staff").toString());
		Map<String, String> staffPages = new java.util.LinkedHashMap<>();
		staffPages.put("/course/completion", "Download as CSV");
		staffPages.put("/series", "Find a session");
		staffPages.put("/course/settings/history", "History of changes");
		staffPages.put("/course/surveys/import", "Import earlier responses");
		staffPages.put("/course/surveys/interview-guide", "Questions for mentees");
		staffPages.put("/course/surveys/import/jobs/" + finishedImportOfDemoCourse(), "responses imported into");
		staffPages.put("/matching/figures", "Meeting figures");
		staffPages.put("/series/attendance", "CFDS attendance");
		for (String kind : List.of("series-session", "survey-window-opening", "survey-window-closing", "mentoring-nudge")) {
			staffPages.put("/outreach/preview/" + kind, "Preview:");
		}
		staffPages.put("/placements/missing", "no longer available");
		staffPages.put("/no-such-page", "Page not found");
		for (Map.Entry<String, String> page : staffPages.entrySet()) {
			this.chromium.goInFrame(page.getKey());
			this.chromium.awaitFrameText(page.getValue());
			this.chromium.assertAccessible(page.getKey().startsWith("/outreach/preview/"));
		}
		// On a phone the course frame is narrow and wide tables scroll: they must take keyboard focus.
		this.chromium.resize(390, 844);
		for (String path : List.of("/course/completion", "/series", "/series/attendance")) {
			this.chromium.goInFrame(path);
			this.chromium.awaitFrameText(staffPages.get(path));
			this.chromium.assertAccessible();
		}

		try (HeadlessChromium mentor = HeadlessChromium.start(Cookies.TOOL_BLOCKED)) {
			mentor.launch(this.platform.launchUrl("mentor").toString());
			mentor.goInFrame("/surveys/mine");
			mentor.awaitFrameText("Your answers");
			mentor.assertAccessible();
			mentor.goInFrame("/competencies/presence");
			mentor.awaitFrameText("Maintains presence");
			mentor.assertAccessible();
		}
	}

	/**
	 * The capstone's rating form, the mentor's competency profile, certificate and letter (the
	 * last two also in print layout), and staff's course profile and a mentor's certificate:
	 * axe-core on each.
	 */
	@Test
	void shouldShowTheCapstoneRecognitionAndCompetencyProfilesAccessibly() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("mentor").toString());
		this.chromium.goInFrame("/exercises/ex-capstone-coaching-conversation");
		this.chromium.awaitFrameText("Rate the mentor you observed");
		this.chromium.assertAccessible();
		this.chromium.goInFrame("/recognition/profile");
		this.chromium.awaitFrameText("Observer ratings received");
		this.chromium.assertAccessible();
		for (String page : List.of("/recognition/certificate", "/recognition/letter")) {
			this.chromium.goInFrame(page);
			this.chromium.awaitFrameText("Program home");
			this.chromium.assertAccessible();
			// print media emulation does not reach a cross-site frame: switch the page's print rules on instead
			this.chromium.applyPrintRules();
			assertThat(this.chromium.style("header.app", "display")).as(page).isEqualTo("none");
			assertThat(this.chromium.style("body", "background-color")).as(page).isEqualTo("rgb(255, 255, 255)");
			this.chromium.assertAccessible();
		}
		try (HeadlessChromium staff = HeadlessChromium.start(Cookies.TOOL_BLOCKED)) {
			staff.launch(this.platform.launchUrl("staff").toString());
			staff.goInFrame("/course/competency-profile");
			staff.awaitFrameText("Certificates and letters");
			staff.assertAccessible();
			staff.click("a[href*='/certificate']");
			staff.awaitFrameText("Program home");
			staff.assertAccessible();
			staff.applyPrintRules();
			assertThat(staff.style("header.app", "display")).isEqualTo("none");
			staff.assertAccessible();
		}
	}

	/**
	 * What runs the program: staff open session 2's facilitator guide from the session page, the
	 * printable session summary and the handouts, each checked by axe-core on screen and in its
	 * print layout (no navigation, black on white); a mentee opens the orientation from home.
	 */
	@Test
	void shouldShowFacilitatorGuidesHandoutsAndTheOrientationAccessiblyOnScreenAndInPrint() throws IOException {
		this.chromium = HeadlessChromium.start(Cookies.TOOL_BLOCKED);
		this.chromium.launch(this.platform.launchUrl("staff").toString());
		this.chromium.goInFrame("/sessions/2");
		this.chromium.awaitFrameText("The Coaching Mindset");
		this.chromium.click("a[href*='/sessions/2/facilitator']");
		this.chromium.awaitFrameText("Advice mode versus coach mode");
		assertThat(this.chromium.texts(".content table caption")).containsExactly("Session 2, minute by minute");
		Map<String, String> printable = new java.util.LinkedHashMap<>();
		printable.put("/sessions/2/facilitator", "Advice mode versus coach mode");
		printable.put("/sessions/3/summary", "Session 3 summary");
		printable.put("/handouts/alliance-template", "Our mentoring alliance");
		printable.put("/handouts/question-bank", "Turning advice into a question");
		printable.put("/handouts/confidentiality-statement", "The limits to name");
		for (Map.Entry<String, String> page : printable.entrySet()) {
			this.chromium.goInFrame(page.getKey());
			this.chromium.awaitFrameText(page.getValue());
			this.chromium.assertAccessible();
			assertThat(this.chromium.style("header.app", "display")).as(page.getKey()).isNotEqualTo("none");

			this.chromium.applyPrintRules();
			assertThat(this.chromium.style("header.app", "display")).as(page.getKey()).isEqualTo("none");
			assertThat(this.chromium.style("nav.breadcrumb", "display")).as(page.getKey()).isEqualTo("none");
			assertThat(this.chromium.style("main", "color")).as(page.getKey()).isEqualTo("rgb(0, 0, 0)");
			assertThat(this.chromium.style("main", "background-color")).as(page.getKey()).isEqualTo("rgb(255, 255, 255)");
			assertThat(this.chromium.style("main h2", "break-after")).as(page.getKey()).isEqualTo("avoid");
			this.chromium.assertAccessible();
		}

		try (HeadlessChromium mentee = HeadlessChromium.start(Cookies.TOOL_BLOCKED)) {
			mentee.launch(this.platform.launchUrl("mentee").toString());
			mentee.click("a[href*='/matching/orientation']");
			mentee.awaitFrameText("How to use the meeting log");
			mentee.assertAccessible();
		}
	}

	/** The demo mentor's earlier answer to the feedback survey, if a previous run left one (tests share a database). */
	private void forgetDemoMentorsFeedback() {
		org.springframework.jdbc.core.simple.JdbcClient jdbc = this.context
			.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		long person = jdbc.sql("SELECT id FROM person WHERE subject = '7f3a9c2e-41b8-4d6f-a0e5-8c1d2b3f4a51'")
			.query(Long.class).single();
		long course = jdbc.sql("SELECT id FROM course WHERE context_id = 'c5d3a0e2-7b1f-4d9a-8e62-3f0b9c4a1d57'")
			.query(Long.class).single();
		byte[] key = this.context.getBean(org.coachapproach.assessment.internal.responses.Pseudonyms.class)
			.of(new org.coachapproach.people.CourseId(course), new org.coachapproach.people.PersonId(person));
		jdbc.sql("DELETE FROM assessment_response WHERE course_id = ? AND respondent = ? AND instrument_id = 'mentor-post'")
			.params(course, key).update();
	}

	/** A finished import job of the demo course, for its status page (one item not asked). */
	private long finishedImportOfDemoCourse() {
		org.springframework.jdbc.core.simple.JdbcClient jdbc = this.context
			.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		int inserted = jdbc.sql("""
				INSERT INTO assessment_import_job (course_id, cohort, instrument_id, wave, rows_total, rows_done, status,
				    imported, not_asked, started_by, started_at, updated_at, finished_at)
				SELECT c.id, '2022-2023', 'mentor-prepost', 'pre', 40, 40, 'DONE', 40, 'climate-development', p.id,
				    CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6)
				FROM course c, person p
				WHERE c.context_id = 'c5d3a0e2-7b1f-4d9a-8e62-3f0b9c4a1d57' AND p.subject = '7f3a9c2e-41b8-4d6f-a0e5-8c1d2b3f4a51'""")
			.update();
		assertThat(inserted).isOne();
		return jdbc.sql("SELECT MAX(id) FROM assessment_import_job").query(Long.class).single();
	}

	private static String sessionInUrl(String url) {
		return UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst(AccessSessions.PARAMETER);
	}

	/**
	 * The three ways a browser treats the tool's cookies inside the platform's frame, as
	 * Chromium's profile preferences: {@code cookie_controls_mode} 1 blocks third-party cookies
	 * (Chromium's default direction; partitioned cookies still work), and a cookie exception for
	 * the tool's site blocks every cookie of it, partitioned ones too (as a person's own setting
	 * or a stricter browser does).
	 */
	private enum Cookies {

		ALLOWED("{\"profile\":{\"cookie_controls_mode\":0}}"),

		THIRD_PARTY_BLOCKED("{\"profile\":{\"cookie_controls_mode\":1}}"),

		TOOL_BLOCKED("{\"profile\":{\"cookie_controls_mode\":1,\"content_settings\":{\"exceptions\":{\"cookies\":"
				+ "{\"localhost,*\":{\"setting\":2}}}}}}");

		private final String preferences;

		Cookies(String preferences) {
			this.preferences = preferences;
		}

	}

	/**
	 * Debian's Chromium and chromedriver, headless, on a fresh profile of its own. Both binaries
	 * are given, so Selenium Manager never looks for (or downloads) a browser or a driver.
	 */
	private static final class HeadlessChromium implements AutoCloseable {

		private final Path profile;

		private final ChromeDriver driver;

		private HeadlessChromium(Path profile, ChromeDriver driver) {
			this.profile = profile;
			this.driver = driver;
		}

		static HeadlessChromium start(Cookies cookies) throws IOException {
			requireInstalled();
			Path profile = Files.createTempDirectory("coachapproach-chromium-");
			try {
				// Written before start: Chromium reads the cookie setting from the profile.
				Path preferences = Files.createDirectories(profile.resolve("Default")).resolve("Preferences");
				Files.writeString(preferences, cookies.preferences, StandardCharsets.UTF_8);
				ChromeOptions options = new ChromeOptions();
				options.setBinary(CHROMIUM.toFile());
				options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-quic", "--no-first-run", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
				ChromeDriverService service = new ChromeDriverService.Builder()
					.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
					.usingAnyFreePort()
					.build();
				return new HeadlessChromium(profile, new ChromeDriver(service, options));
			}
			catch (RuntimeException | IOException ex) {
				FileSystemUtils.deleteRecursively(profile);
				throw ex;
			}
		}

		/** Skips when asked to; otherwise fails where the browser is missing, naming what to install. */
		private static void requireInstalled() {
			assumeFalse("true".equalsIgnoreCase(System.getenv(SKIP)), SKIP + "=true: browser tests skipped");
			if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
				fail("The browser tests need Debian's packages chromium and chromium-driver (" + CHROMIUM + " and "
						+ CHROMEDRIVER + "): install them with 'apt-get install chromium chromium-driver' (.ci/run "
						+ "does), or set " + SKIP + "=true to skip these tests");
			}
		}

		/**
		 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and the frames in it, the
		 * tool's included, and fails listing every violation.
		 */
		void assertAccessible() {
			assertAccessible(false);
		}

		/**
		 * @param openSandboxes whether to lift the sandbox of the page's own sandboxed frames (an
		 * email's preview, written by the tool) so that their content is checked too; never for
		 * frames of other sites
		 */
		void assertAccessible(boolean openSandboxes) {
			this.driver.switchTo().defaultContent();
			com.deque.html.axecore.selenium.AxeBuilder axe = new com.deque.html.axecore.selenium.AxeBuilder();
			if (openSandboxes) {
				axe.withoutIframeSandboxes();
			}
			com.deque.html.axecore.results.Results results = axe
				.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
				.analyze(this.driver);
			assertThat(results.getViolations()).as(() -> results.getViolations().stream()
				.map(v -> v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream()
					.map(n -> String.valueOf(n.getTarget())).toList())
				.collect(java.util.stream.Collectors.joining("\n"))).isEmpty();
			// The check reached inside the tool's (cross-site) frame, not just the platform's page.
			assertThat(results.getPasses().stream().flatMap(rule -> rule.getNodes().stream())
				.map(node -> String.valueOf(node.getTarget()))).anyMatch(target -> target.contains(TOOL_FRAME));
		}

		/** Opens a course page and waits until the tool's frame shows {@code text}. */
		void open(String coursePage, String text) {
			this.driver.get(coursePage);
			awaitFrameText(text);
		}

		/**
		 * Opens the course page and waits until the tool's page in its frame welcomes the person.
		 * @return the URL of the tool's page in the frame
		 */
		String launch(String coursePage) {
			this.driver.get(coursePage);
			awaitFrameText("Welcome,");
			return frameUrl();
		}

		/** Waits until the tool's frame shows {@code text}, and answers all its text. */
		String awaitFrameText(String text) {
			return new WebDriverWait(this.driver, LAUNCH_TIMEOUT).pollingEvery(Duration.ofMillis(200))
				.ignoring(NoSuchFrameException.class)
				.ignoring(NoSuchElementException.class)
				.ignoring(StaleElementReferenceException.class)
				.withMessage(() -> "tool frame never showed '" + text + "'; it is at " + describeFrame())
				.until(driver -> {
					String shown;
					try {
						shown = frameText();
					}
					catch (org.openqa.selenium.WebDriverException ex) {
						// Chromium answers this while the frame swaps documents (a navigation under way).
						if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
							return null;
						}
						throw ex;
					}
					return shown.contains(text) ? shown : null;
				});
		}

		/** Clicks the first element in the tool's frame that matches {@code css}. */
		void click(String css) {
			toToolFrame();
			this.driver.findElement(By.cssSelector(css)).click();
		}

		/** Types into a field of the tool's frame, key by key, as a person does. */
		void type(String css, String text) {
			toToolFrame();
			this.driver.findElement(By.cssSelector(css)).sendKeys(text);
		}

		/** Sets the browser window's size, as on a phone or a narrow screen. */
		void resize(int width, int height) {
			this.driver.switchTo().defaultContent();
			this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
		}

		/** Goes to one of the tool's pages inside its frame, carrying the frame's session on as a link would. */
		void goInFrame(String path) {
			String session = sessionInUrl(frameUrl());
			String url = UriComponentsBuilder.fromUriString(frameUrl()).replacePath(path).replaceQuery(null)
				.queryParam(AccessSessions.PARAMETER, session).build().toUriString();
			((JavascriptExecutor) this.driver).executeScript("window.location.assign(arguments[0]);", url);
		}

		/** Sets a field's value as a date picker would. */
		void setValue(String css, String value) {
			toToolFrame();
			((JavascriptExecutor) this.driver).executeScript("arguments[0].value = arguments[1];",
					this.driver.findElement(By.cssSelector(css)), value);
		}

		/** Downloads what a link in the tool's frame points to, with the page's own session. */
		String fetchInFrame(String linkCss) {
			toToolFrame();
			return (String) ((JavascriptExecutor) this.driver).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					fetch(document.querySelector(arguments[0]).href).then(r => r.text()).then(done, e => done('' + e));""",
					linkCss);
		}

		/**
		 * Applies the tool page's {@code @media print} rules on screen, as printing would. DevTools'
		 * media emulation does not reach the tool's cross-site frame, so the rules are switched on
		 * in the frame's own style sheets.
		 */
		void applyPrintRules() {
			toToolFrame();
			((JavascriptExecutor) this.driver).executeScript("""
					for (const sheet of document.styleSheets) {
					  for (const rule of sheet.cssRules) {
					    if (rule instanceof CSSMediaRule && rule.media.mediaText === 'print') {
					      rule.media.mediaText = 'all';
					    }
					  }
					}
					""");
		}

		/** The computed value of a CSS property of the first element in the tool's frame that matches {@code css}. */
		String style(String css, String property) {
			toToolFrame();
			return (String) ((JavascriptExecutor) this.driver).executeScript(
					"return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1]);", css,
					property);
		}

		/** The visible text of each element of the tool's frame that matches {@code css}. */
		List<String> texts(String css) {
			toToolFrame();
			return this.driver.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
		}

		String frameTitle() {
			toToolFrame();
			return this.driver.getTitle();
		}

		String frameText() {
			toToolFrame();
			return this.driver.findElement(By.tagName("body")).getText();
		}

		String frameUrl() {
			toToolFrame();
			return (String) ((JavascriptExecutor) this.driver).executeScript("return window.location.href");
		}

		/** Loads the frame's page again, as the person's browser would on F5 inside the frame. */
		void reloadFrame() {
			toToolFrame();
			((JavascriptExecutor) this.driver)
				.executeScript("document.body.setAttribute('data-stale', 'yes'); window.location.reload();");
			new WebDriverWait(this.driver, LAUNCH_TIMEOUT).ignoring(NoSuchFrameException.class)
				.ignoring(NoSuchElementException.class)
				.ignoring(StaleElementReferenceException.class)
				.until(driver -> {
					toToolFrame();
					return driver.findElement(By.tagName("body")).getDomAttribute("data-stale") == null;
				});
		}

		/** The names of the cookies the browser holds for {@code url}, first- or third-party. */
		List<String> cookieNames(String url) {
			return cookies(url).map(cookie -> String.valueOf(cookie.get("name"))).toList();
		}

		/** The names of the cookies the browser holds for {@code url} in a partition (CHIPS). */
		List<String> partitionedCookieNames(String url) {
			return cookies(url).filter(cookie -> cookie.get("partitionKey") != null)
				.map(cookie -> String.valueOf(cookie.get("name")))
				.toList();
		}

		/** Every cookie of {@code url}'s host, partitioned ones included (which Network.getCookies leaves out). */
		private java.util.stream.Stream<Map<?, ?>> cookies(String url) {
			String host = URI.create(url).getHost();
			Map<String, Object> answer = this.driver.executeCdpCommand("Storage.getCookies", Map.of());
			return ((List<?>) answer.get("cookies")).stream()
				.<Map<?, ?>>map(cookie -> (Map<?, ?>) cookie)
				.filter(cookie -> host.equals(cookie.get("domain")));
		}

		private void toToolFrame() {
			this.driver.switchTo().defaultContent();
			this.driver.switchTo().frame(TOOL_FRAME);
		}

		private String describeFrame() {
			try {
				String text = frameText();
				return frameUrl() + " showing: " + text.substring(0, Math.min(text.length(), 500));
			}
			catch (WebDriverException ex) {
				return "(unreadable: " + ex.getMessage().lines().findFirst().orElse("") + ")";
			}
		}

		@Override
		public void close() {
			try {
				this.driver.quit();
			}
			finally {
				FileSystemUtils.deleteRecursively(this.profile.toFile());
			}
		}

	}

}
