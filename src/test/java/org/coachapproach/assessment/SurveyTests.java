package org.coachapproach.assessment;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.coachapproach.assessment.internal.report.ReleaseBatches;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking a survey over real HTTP in a course of the test's own: windows, drafts, validation
 * that saves nothing half-way, final submission, one's own answers, completion credit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class SurveyTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Curriculum curriculum;

	@Autowired
	SubmittedEvents submittedEvents;

	@Autowired
	MeterRegistry meters;

	SurveyLaunch launcher;

	String contextId;

	Browser instructor;

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
		this.contextId = "survey-" + UUID.randomUUID();
		this.launcher = new SurveyLaunch(platform, this.port, this.registrations, this.contextId);
		this.instructor = this.launcher.launch("instructor-" + UUID.randomUUID(), "Ira Instructor", SurveyLaunch.INSTRUCTOR, null);
	}

	@Test
	void shouldRemindResumeAndSubmitOnceThenShowOnlyTheirOwnAnswers() {
		open("mentor-prepost", "pre", Map.of());
		Browser mentor = mentor();
		double submitted = submissions();

		assertThat(mentor.get(tool("/")).body()).contains("A survey is open for you: Mentor self-assessment")
			.contains("/surveys/mentor-prepost/pre");
		HttpResponse<String> form = mentor.get(tool("/surveys/mentor-prepost/pre"));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Managing the time and focus of the mentoring session")
			.doesNotContain("completion credit is on");

		assertThat(mentor.post(tool("/surveys/mentor-prepost/pre"), Map.of("a.satisfaction-overall", "4", "action", "draft"))
			.statusCode()).isEqualTo(302);
		assertThat(mentor.get(tool("/surveys")).body()).contains("Draft saved");
		assertThat(mentor.get(tool("/surveys/mentor-prepost/pre")).body())
			.containsPattern("name=\"a.satisfaction-overall\" value=\"4\"\\s+checked");

		Map<String, String> incomplete = answers(3);
		incomplete.remove("a.climate-fit");
		HttpResponse<String> refused = mentor.post(tool("/surveys/mentor-prepost/pre"), incomplete);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Nothing was saved")
			.contains("Please answer: To what extent do you feel a good professional fit in the department?");
		assertThat(storedAnswers()).isEqualTo("satisfaction-overall=4");
		assertThat(submissions()).as("drafts and refusals are not submissions").isEqualTo(submitted);

		assertThat(mentor.post(tool("/surveys/mentor-prepost/pre"), answers(3)).statusCode()).isEqualTo(302);
		// Counted without completion credit too: the operator's measure of use.
		assertThat(submissions()).isEqualTo(submitted + 1);
		assertThat(mentor.get(tool("/")).body()).doesNotContain("A survey is open for you");

		HttpResponse<String> again = mentor.post(tool("/surveys/mentor-prepost/pre"), answers(5));
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("You have already submitted this survey");
		assertThat(storedAnswers()).contains("satisfaction-overall=3").doesNotContain("=5");
		assertThat(submissions()).isEqualTo(submitted + 1);

		String csv = mentor.get(tool("/surveys/mine.csv")).body();
		assertThat(csv).startsWith("instrument,wave,status,item,question,answer\r\n")
			.contains("mentor-prepost,pre,submitted,behaviour-time-focus,Managing the time and focus of the mentoring session,3 (Somewhat)");
		assertThat(mentor.get(tool("/surveys/mine.json")).body()).contains("\"item\":\"climate-fit\"")
			.contains("\"status\":\"submitted\"");
		Browser otherMentor = mentor();
		assertThat(otherMentor.get(tool("/surveys/mine.csv")).body()).isEqualTo("instrument,wave,status,item,question,answer\r\n");
		assertThat(this.submittedEvents.events).noneMatch(e -> e.course().value() == courseId());
	}

	@Test
	void shouldRefuseAnswersOffTheScaleOrUnknownAndSaveNothing() {
		open("mentor-prepost", "pre", Map.of());
		Browser mentor = mentor();
		Map<String, String> posted = answers(4);
		posted.put("a.satisfaction-overall", "6");
		posted.put("a.knowledge-promotion", "three");
		posted.put("a.favourite-colour", "blue");

		HttpResponse<String> refused = mentor.post(tool("/surveys/mentor-prepost/pre"), posted);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body())
			.contains("Choose one of the points on the scale for: To what extent are you satisfied with your job overall?")
			.contains("Choose one of the points on the scale for: How much do you know about promotion guidelines and processes?")
			.contains("This survey has no question favourite-colour.");
		assertThat(rows()).isZero();
	}

	@Test
	void shouldRefuseASurveyOutsideItsWindowOrNotAskedOfThePerson() {
		Browser mentor = mentor();
		assertThat(mentor.get(tool("/surveys/mentor-prepost/pre")).statusCode()).isEqualTo(403);

		LocalDate yesterday = LocalDate.now().minusDays(1);
		assertThat(save("mentor-prepost", Map.of("pre.opens", yesterday.minusDays(9).toString(), "pre.closes",
				yesterday.toString())).statusCode()).isEqualTo(302);
		assertThat(mentor.post(tool("/surveys/mentor-prepost/pre"), answers(3)).statusCode()).isEqualTo(403);
		assertThat(rows()).isZero();

		open("mentee-prepost", "pre", Map.of());
		assertThat(mentor.get(tool("/surveys/mentee-prepost/pre")).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldPublishOnlyTheFactOfSubmissionAndOnlyWhenStaffTurnedCreditOn() {
		open("mentor-post", "post", Map.of("completionCredit", "on"));
		assertThat(this.instructor.get(tool("/course/surveys")).body()).as("a teacher cannot turn it on")
			.contains("Program staff decide this");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM assessment_instrument_settings WHERE course_id = ? AND completion_credit")
			.param(courseId()).query(Integer.class).single()).isZero();
		Browser staff = this.launcher.launch("staff-" + UUID.randomUUID(), "Sam Staff", SurveyLaunch.ADMINISTRATOR, "staff");
		Map<String, String> form = new HashMap<>(Map.of("completionCredit", "on"));
		form.put("post.opens", LocalDate.now().minusDays(1).toString());
		form.put("post.closes", LocalDate.now().plusDays(7).toString());
		assertThat(staff.post(tool("/course/surveys/mentor-post"), form).statusCode()).isEqualTo(302);
		Browser mentor = mentor();

		assertThat(mentor.get(tool("/surveys/mentor-post/post")).body()).contains("Completion credit is on for this survey");
		assertThat(mentor.post(tool("/surveys/mentor-post/post"), Map.of("a.strategies-helpful", "5", "a.likely-to-use", "4",
				"a.meeting-frequency", "once", "a.comments", "Great sessions", "action", "submit")).statusCode()).isEqualTo(302);

		assertThat(this.submittedEvents.events).filteredOn(e -> e.course().value() == courseId())
			.singleElement()
			.satisfies(e -> {
				assertThat(e.instrumentId()).isEqualTo("mentor-post");
				assertThat(e.wave()).isEqualTo("post");
				assertThat(e.person().value()).isEqualTo(this.jdbc.sql("SELECT p.id FROM person p JOIN membership m ON m.person_id = p.id "
						+ "JOIN course c ON c.id = m.course_id WHERE c.context_id = ? AND p.display_name = 'Mo Mentor'")
					.param(this.contextId).query(Long.class).single());
			});
	}

	@Test
	void shouldStoreAnswersUnderAKeyedPseudonymThatNamesNobody() {
		open("mentor-prepost", "pre", Map.of());
		assertThat(mentor().post(tool("/surveys/mentor-prepost/pre"), answers(2)).statusCode()).isEqualTo(302);

		List<String> columns = this.jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
				+ "AND table_name = 'assessment_response' ORDER BY ordinal_position").query(String.class).list();
		// release_batch orders batches of at least five (see ReleaseBatches): no time, no person; cohort is a year's label.
		assertThat(columns).containsExactly("id", "course_id", "instrument_id", "respondent", "wave", "submitted", "origin",
				"content_hash", "answers", "release_batch", "cohort");
		assertThat(this.jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
				+ "AND table_name = 'assessment_release' ORDER BY ordinal_position").query(String.class).list())
			.containsExactly("course_id", "instrument_id", "wave", "batch", "respondents");
		byte[] respondent = this.jdbc.sql("SELECT respondent FROM assessment_response r JOIN course c ON c.id = r.course_id "
				+ "WHERE c.context_id = ?").param(this.contextId).query(byte[].class).single();
		assertThat(respondent).hasSize(32);
		assertThat(this.jdbc.sql("SELECT content_hash FROM assessment_response WHERE course_id = ?").param(courseId())
			.query(String.class).single()).isEqualTo(this.curriculum.contentHash());
	}

	@Test
	void shouldRefuseWindowsThatCloseBeforeTheyOpenAndSaveNothing() {
		HttpResponse<String> refused = save("mentor-prepost", Map.of("pre.opens", "2026-03-10", "pre.closes", "2026-03-01",
				"post.opens", "2026-06-01"));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("The Pre wave must close on or after the day it opens.")
			.contains("Give both an opening and a closing date for the Post wave, or neither.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM assessment_window WHERE course_id = ?").param(courseId())
			.query(Integer.class).single()).isZero();
		Browser mentor = mentor();
		assertThat(mentor.get(tool("/course/surveys")).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldAskTheRetrospectiveItemsAtPostOnlyWhenStaffSwitchThemOn() {
		open("mentor-prepost", "post", Map.of());
		Browser mentor = mentor();
		assertThat(mentor.get(tool("/surveys/mentor-prepost/post")).body()).doesNotContain("Looking back")
			.doesNotContain("a.then-knowledge-promotion");
		Map<String, String> withThen = answers(4);
		withThen.put("a.then-knowledge-promotion", "2");
		assertThat(mentor.post(tool("/surveys/mentor-prepost/post"), withThen).statusCode()).isEqualTo(400);

		open("mentor-prepost", "post", Map.of("retrospective", "on"));
		assertThat(mentor.get(tool("/surveys/mentor-prepost/post")).body()).contains("Looking back")
			.contains("Thinking back to just before the program began")
			.contains("name=\"a.then-knowledge-promotion\"");
		HttpResponse<String> missing = mentor.post(tool("/surveys/mentor-prepost/post"), answers(4));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("Please answer: How much do you know about promotion guidelines and processes?");

		Instrument instrument = this.curriculum.instrument("mentor-prepost").orElseThrow();
		Map<String, String> complete = answers(4);
		instrument.retrospective().itemIds().forEach(id -> complete.put("a.then-" + id, "2"));
		assertThat(mentor.post(tool("/surveys/mentor-prepost/post"), complete).statusCode()).isEqualTo(302);
		assertThat(storedAnswers()).contains("then-knowledge-promotion=2");
	}

	@Test
	void shouldRunTheFollowUpWaveOnlyWhenStaffSwitchItOn() {
		open("mentor-prepost", "follow-up", Map.of());
		Browser mentor = mentor();
		assertThat(mentor.get(tool("/surveys/mentor-prepost/follow-up")).statusCode()).isEqualTo(403);
		assertThat(mentor.get(tool("/surveys")).body()).doesNotContain("Follow-up");

		open("mentor-prepost", "follow-up", Map.of("followUp", "on"));
		assertThat(mentor.get(tool("/surveys")).body()).contains("Follow-up");
		assertThat(mentor.post(tool("/surveys/mentor-prepost/follow-up"), answers(5)).statusCode()).isEqualTo(302);
	}

	@Test
	void shouldAskTheCoachingBehavioursUnderTheirQuestionStem() {
		open("mentor-prepost", "pre", Map.of());

		String form = mentor().get(tool("/surveys/mentor-prepost/pre")).body();

		// the stem is part of the group's legend, so a screen reader announces it with the group
		assertThat(form).containsPattern("<fieldset class=\"section\">\\s*<legend>\\s*"
				+ "<span>Confidence in modelling coaching behaviours</span>\\s*"
				+ "<span class=\"stem\" id=\"stem-coaching-behaviours\">"
				+ "How confident are you in modelling each of these coaching behaviours\\?</span>\\s*</legend>");
		assertThat(form).doesNotContain("id=\"stem-job-satisfaction\"");
	}

	@Test
	void shouldAskTheItemsThePaperReportedInEverySurvey() {
		open("cfds-post", "post", Map.of());
		open("mentor-post", "post", Map.of());
		open("mentee-prepost", "pre", Map.of());
		open("mentee-post", "post", Map.of());
		Browser mentor = mentor();
		Browser mentee = this.launcher.launch("mentee-" + UUID.randomUUID(), "Mia Mentee", SurveyLaunch.LEARNER, "mentee");

		assertThat(mentor.get(tool("/surveys/cfds-post/post")).body())
			.contains("The series gave me valuable opportunities to develop my teaching skills.")
			.contains("The series gave me valuable opportunities to develop skills for promotion.")
			.contains("In which division do you work?").contains("name=\"a.cfds-division\" value=\"prefer-not-to-say\"")
			.contains("Based on what you experienced in the series, how much do you agree with each statement?");
		assertThat(mentor.get(tool("/surveys/mentor-post/post")).body())
			.contains("The time set aside for the mentor training was fair and sufficient.")
			.contains("The time set aside for meeting my mentee was fair and sufficient.")
			.contains("how often have you used a coach approach").contains("Weekly or more often");
		assertThat(mentee.get(tool("/surveys/mentee-prepost/pre")).body())
			.contains("To what extent do you feel a good professional fit in the department?")
			.contains("name=\"a.mentee-climate-development\"");
		assertThat(mentee.get(tool("/surveys/mentee-post/post")).body())
			.contains("How often have you met with your mentor this year?")
			.contains("I have not been assigned a mentor");
		// older exports lack the new optional items: an answer without them is still complete
		assertThat(mentor.post(tool("/surveys/cfds-post/post"), Map.of("a.cfds-helped-professionally", "4",
				"a.cfds-better-teacher", "4", "a.cfds-bias", "3", "a.cfds-leadership", "5", "a.cfds-division", "nephrology",
				"action", "submit")).statusCode()).isEqualTo(302);
		assertThat(mentor.post(tool("/surveys/mentor-post/post"), Map.of("a.strategies-helpful", "4",
				"a.likely-to-use", "5", "a.meeting-frequency", "once", "a.time-training-fair", "9", "action", "submit"))
			.statusCode()).isEqualTo(400);
	}

	@Test
	void shouldShowTheInterviewGuideToStaffOnly() {
		Browser staff = this.launcher.launch("staff-" + UUID.randomUUID(), "Sam Staff", SurveyLaunch.ADMINISTRATOR, "staff");

		assertThat(staff.get(tool("/course/surveys")).body()).contains("/course/surveys/interview-guide");
		HttpResponse<String> guide = staff.get(tool("/course/surveys/interview-guide"));
		assertThat(guide.statusCode()).isEqualTo(200);
		assertThat(guide.body()).contains("<h2 id=\"guide-interview-guide\">Interview guide for mentors and mentees</h2>")
			.contains("<h2>Questions for mentors</h2>").contains("<h2>Questions for mentees</h2>")
			.contains("For: mentor, mentee. About 45 minutes.");
		HttpResponse<String> asMentor = mentor().get(tool("/course/surveys/interview-guide"));
		assertThat(asMentor.statusCode()).isEqualTo(403);
		assertThat(asMentor.body()).contains("Only program staff can see the interview guide.")
			.doesNotContain("Questions for mentees");
		assertThat(this.instructor.get(tool("/course/surveys/interview-guide")).statusCode()).isEqualTo(403);
		assertThat(this.instructor.get(tool("/course/surveys")).body()).doesNotContain("/course/surveys/interview-guide");
	}

	private Browser mentor() {
		return this.launcher.launch("mentor-" + UUID.randomUUID(), "Mo Mentor", SurveyLaunch.LEARNER, "mentor");
	}

	/** A complete mentor pre answer: every item at {@code value}. */
	private Map<String, String> answers(int value) {
		Instrument instrument = this.curriculum.instrument("mentor-prepost").orElseThrow();
		Map<String, String> answers = new HashMap<>();
		instrument.items().forEach(item -> answers.put("a." + item.id(), String.valueOf(value)));
		answers.put("action", "submit");
		return answers;
	}

	private void open(String instrument, String wave, Map<String, String> switches) {
		Map<String, String> form = new HashMap<>(switches);
		form.put(wave + ".opens", LocalDate.now().minusDays(1).toString());
		form.put(wave + ".closes", LocalDate.now().plusDays(7).toString());
		assertThat(save(instrument, form).statusCode()).isEqualTo(302);
	}

	private HttpResponse<String> save(String instrument, Map<String, String> form) {
		return this.instructor.post(tool("/course/surveys/" + instrument), form);
	}

	private String storedAnswers() {
		return this.jdbc.sql("SELECT answers FROM assessment_response WHERE course_id = ?").param(courseId())
			.query(String.class).single();
	}

	private int rows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM assessment_response WHERE course_id = ?").param(courseId())
			.query(Integer.class).single();
	}

	private long courseId() {
		return this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(this.contextId).query(Long.class).single();
	}

	private String tool(String path) {
		return this.launcher.tool(path);
	}

	private double submissions() {
		return this.meters.get("coachapproach.survey.submissions").counter().count();
	}

	@TestConfiguration
	static class Events {

		@Bean
		SubmittedEvents submittedEvents() {
			return new SubmittedEvents();
		}

	}

	static class SubmittedEvents {

		final List<SurveySubmitted> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(SurveySubmitted event) {
			this.events.add(event);
		}

	}

}
