package org.coachapproach.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.assessment.internal.imports.CohortWriter;
import org.coachapproach.assessment.internal.responses.Pseudonyms;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.CourseId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confidentiality under sequences of staff actions, over real HTTP: whatever staff do to the
 * windows, two reports differ by no one or by at least five people answering in the tool.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class SurveyConfidentialityTests {

	/** Every output of the report, as staff download it. */
	private static final List<String> OUTPUTS = List.of("/course/surveys/report", "/course/surveys/report?print=true",
			"/course/surveys/report.csv", "/course/surveys/report.json",
			"/course/surveys/report.csv?subgroup=gender-identity");

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
	SurveyAdministration administration;

	@Autowired
	CohortWriter writer;

	@Autowired
	Pseudonyms pseudonyms;

	SurveyLaunch launcher;

	String contextId;

	Browser staff;

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
		this.contextId = "confidential-" + UUID.randomUUID();
		this.launcher = new SurveyLaunch(platform, this.port, this.registrations, this.contextId);
		this.staff = this.launcher.launch("staff-" + UUID.randomUUID(), "Sam Staff", SurveyLaunch.ADMINISTRATOR, "staff");
	}

	@Test
	void shouldRevealNothingWhenStaffReleaseReopenAndReleaseAgain() {
		// The whole roster first: a new member changes "invited", which is not what is under test.
		List<Browser> mentors = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			mentors.add(this.launcher.launch("mentor-" + UUID.randomUUID(), "Mentor " + i, SurveyLaunch.LEARNER, "mentor"));
		}
		open();
		for (int i = 0; i < 5; i++) {
			answerEverything(mentors.get(i), i);
		}
		close();
		Map<String, String> released = outputs();
		assertThat(released.get("/course/surveys/report.csv"))
			.contains("response-rates,mentor-prepost,pre,mentor,,responded,5\r\n")
			.contains("items,mentor-prepost,pre-post,knowledge-promotion,,n,5\r\n")
			.contains("respondents,mentor-post,post,,,n,5\r\n");

		open();
		Map<String, String> reopened = outputs();
		for (int i = 5; i < 9; i++) {
			answerEverything(mentors.get(i), i);
			assertThat(outputs()).as("open, %d held", i - 4).isEqualTo(reopened);
			close();
			assertThat(outputs()).as("closed, %d held", i - 4).isEqualTo(released);
			open();
		}
		answerEverything(mentors.get(9), 9);
		assertThat(outputs()).as("open, 5 held").isEqualTo(reopened);
		close();

		String second = this.staff.get(tool("/course/surveys/report.csv")).body();
		assertThat(second).contains("response-rates,mentor-prepost,pre,mentor,,responded,10\r\n")
			.contains("items,mentor-prepost,pre-post,knowledge-promotion,,n,10\r\n")
			.contains("respondents,mentor-post,post,,,n,10\r\n");
		// Released batches stay in, whatever staff do to the windows.
		blank();
		assertThat(this.staff.get(tool("/course/surveys/report.csv")).body()).isEqualTo(second);
		open();
		assertThat(this.staff.get(tool("/course/surveys/report.csv")).body()).isEqualTo(second);
		assertThat(this.staff.get(tool("/course/surveys/report")).body())
			.contains("10 respondents answered both waves")
			.contains("Mentor self-assessment, Post wave: answers count once its window closes on");
	}

	@Test
	void shouldNotLetImportedRowsLiftAFewAnswersGivenInTheToolOverTheThreshold() {
		// Five answer in the tool, one of them "very unhelpful"; all five comment.
		for (int i = 0; i < 5; i++) {
			Browser mentor = this.launcher.launch("mentor-" + UUID.randomUUID(), "Mentor " + i, SurveyLaunch.LEARNER, "mentor");
			if (i == 0) {
				open();
			}
			submit(mentor, "mentor-post", "post", Map.of("a.strategies-helpful", i == 0 ? "1" : "5", "a.likely-to-use", "4",
					"a.meeting-frequency", "once", "a.comments", "Real comment " + i));
		}
		close();
		String before = this.staff.get(tool("/course/surveys/report.csv")).body();
		assertThat(before).contains("distribution,mentor-post,post,strategies-helpful,Very unhelpful,count,suppressed\r\n")
			.contains("distribution,mentor-post,post,strategies-helpful,,n,5\r\n");

		// Staff import four made-up "very unhelpful" rows and five comments of their own.
		List<CohortWriter.Submitted> madeUp = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Map<String, String> answers = new LinkedHashMap<>(Map.of("likely-to-use", "4", "comments", "Made up " + i));
			if (i < 4) {
				answers.put("strategies-helpful", "1");
			}
			madeUp.add(new CohortWriter.Submitted(this.pseudonyms.ofExternal(course(), "made-up-" + i), "mentor-post",
					Wave.POST, answers));
		}
		assertThat(this.writer.write(course(), "IMPORT", this.curriculum.contentHash(), madeUp)).isEqualTo(5);

		String csv = this.staff.get(tool("/course/surveys/report.csv")).body();
		String json = this.staff.get(tool("/course/surveys/report.json")).body();
		String page = this.staff.get(tool("/course/surveys/report")).body();
		// 1 in the tool + 4 imported = 5: still hidden, and so is the 4 "very helpful" (1 + 4 would be derivable).
		assertThat(csv).contains("distribution,mentor-post,post,strategies-helpful,,n,9\r\n")
			.contains("distribution,mentor-post,post,strategies-helpful,Very unhelpful,count,suppressed\r\n")
			.contains("distribution,mentor-post,post,strategies-helpful,Very helpful,count,suppressed\r\n")
			.contains("distribution,mentor-post,post,strategies-helpful,,percent-agree,suppressed\r\n");
		// 10 comments, but only 5 written in the tool: none shown.
		for (String output : List.of(csv, json, page)) {
			assertThat(output).doesNotContain("Real comment").doesNotContain("Made up");
		}
		assertThat(page).contains("Fewer than ten people wrote a comment");
	}

	/**
	 * The evaluation report's figure sets each item's pre and post means beside each wave's answers
	 * per point: over different respondents, the counts less the means give away whoever answered one
	 * wave only. Here ten pairs answered pre 3 or 4 (mean 3.50), and the target answered pre alone.
	 */
	@Test
	void shouldNotGiveAwayTheAnswerOfWhoAnsweredOneWaveByTheEvaluationFiguresCounts() {
		List<Browser> mentors = roster(12);
		windows(true, true, false);
		for (int i = 0; i < 10; i++) {
			submitPrePost(mentors.get(i), "pre", i < 5 ? "3" : "4");
			submitPrePost(mentors.get(i), "post", "4");
		}
		submitPrePost(mentors.get(10), "pre", "4");
		windows(false, false, false);

		JsonNode report = JsonMapper.builder().build().readTree(this.staff.get(tool("/course/surveys/evaluation.json")).body());
		int charted = 0;
		for (JsonNode part : report.get("parts")) {
			if (!part.get("kind").asString().equals("chart") || !part.get("instrumentId").asString().equals("mentor-prepost")) {
				continue;
			}
			for (JsonNode item : part.get("items")) {
				JsonNode means = item.get("means");
				assertThat(means.get("n").asInt()).isEqualTo(10);
				assertThat(means.get("preMean").asDouble()).isEqualTo(3.5);
				// the counts per point rest on the pairs the means rest on, not on the target too
				assertThat(item.get("pre").get("n").asInt()).as(item.get("key").asString()).isEqualTo(10);
				assertThat(item.get("post").get("n").asInt()).as(item.get("key").asString()).isEqualTo(10);
				charted++;
			}
		}
		assertThat(charted).isPositive();
	}

	@Test
	void shouldNotMoveAPairByOneWhenOnePersonsSecondWaveArrivesInABatchOfOthers() {
		List<Browser> mentors = roster(20);
		windows(true, false, false);
		for (int i = 0; i < 10; i++) {
			submitPrePost(mentors.get(i), "pre", "3");
		}
		windows(false, false, false);
		windows(false, true, false);
		for (int i = 0; i < 5; i++) {
			submitPrePost(mentors.get(i), "post", "4");
		}
		windows(false, false, false);
		String before = prePostLines("/course/surveys/report.csv");
		assertThat(before).contains("items,mentor-prepost,pre-post,knowledge-promotion,,n,5\r\n")
			.contains("items,mentor-prepost,pre-post,knowledge-promotion,,second-mean,4.0\r\n");

		// The target answered pre; four who never did come with them, so the post wave's batch has five.
		windows(false, true, false);
		submitPrePost(mentors.get(5), "post", "1");
		for (int i = 10; i < 14; i++) {
			submitPrePost(mentors.get(i), "post", "4");
		}
		windows(false, false, false);
		assertThat(this.staff.get(tool("/course/surveys/report.csv")).body())
			.contains("response-rates,mentor-prepost,post,mentor,,responded,10\r\n");
		assertThat(prePostLines("/course/surveys/report.csv")).as("one new pair among five new posts").isEqualTo(before);

		// Four more pairs complete, which with the target's makes five new in the figure.
		windows(false, true, false);
		for (int i = 6; i < 10; i++) {
			submitPrePost(mentors.get(i), "post", "4");
		}
		submitPrePost(mentors.get(14), "post", "4");
		windows(false, false, false);
		assertThat(prePostLines("/course/surveys/report.csv"))
			.contains("items,mentor-prepost,pre-post,knowledge-promotion,,n,10\r\n")
			.contains("items,mentor-prepost,pre-post,knowledge-promotion,,second-mean,3.7\r\n");
	}

	@Test
	void shouldNotMoveASubgroupByOneWhenOnePersonsDemographicsArriveInABatchOfOthers() {
		List<Browser> mentors = roster(22);
		windows(true, true, false);
		for (int i = 0; i < 15; i++) {
			submitPrePost(mentors.get(i), "pre", "3");
			submitPrePost(mentors.get(i), "post", i == 5 ? "1" : "4");
		}
		windows(false, false, false);
		windows(false, false, true);
		for (int i = 0; i < 5; i++) {
			submitDemographics(mentors.get(i), "woman");
		}
		windows(false, false, false);
		String path = "/course/surveys/report.csv?subgroup=gender-identity";
		String before = prePostLines(path);
		assertThat(before).contains("subgroups,mentor-prepost,pre-post,knowledge-promotion,Woman,n,5\r\n")
			.contains("subgroups,mentor-prepost,pre-post,knowledge-promotion,Woman,second-mean,4.0\r\n");

		// The target says "woman"; four others, who do not say, make the batch.
		windows(false, false, true);
		submitDemographics(mentors.get(5), "woman");
		for (int i = 6; i < 10; i++) {
			submitDemographics(mentors.get(i), Instrument.Option.PREFER_NOT_TO_SAY);
		}
		windows(false, false, false);
		assertThat(prePostLines(path)).as("one new woman among five new demographics").isEqualTo(before);

		windows(false, false, true);
		for (int i = 10; i < 14; i++) {
			submitDemographics(mentors.get(i), "woman");
		}
		submitDemographics(mentors.get(14), Instrument.Option.PREFER_NOT_TO_SAY);
		windows(false, false, false);
		assertThat(prePostLines(path)).contains("subgroups,mentor-prepost,pre-post,knowledge-promotion,Woman,n,10\r\n")
			.contains("subgroups,mentor-prepost,pre-post,knowledge-promotion,Woman,second-mean,3.7\r\n");
	}

	@Test
	void shouldNotShowOnePersonsCommentWhenTheyAloneCommentInABatchOfFive() {
		List<Browser> mentors = roster(28);
		open();
		for (int i = 0; i < 10; i++) {
			submitFeedback(mentors.get(i), "4", "Comment " + (char) ('a' + i));
		}
		close();
		String before = comments();
		assertThat(before).contains("Comment a").contains("Comment j");

		// Comments are optional: the target writes one, the four others of the batch do not.
		open();
		submitFeedback(mentors.get(10), "4", "Target's secret");
		for (int i = 11; i < 15; i++) {
			submitFeedback(mentors.get(i), "4", null);
		}
		close();
		assertThat(this.staff.get(tool("/course/surveys/report.csv")).body())
			.contains("respondents,mentor-post,post,,,n,15\r\n");
		assertThat(comments()).as("one new comment among five new responses").isEqualTo(before);
		assertThat(this.staff.get(tool("/course/surveys/report")).body()).doesNotContain("Target");

		// Comments are shown only when ten wrote one, so the list grows by ten at a time: eight more make nine new.
		open();
		for (int i = 15; i < 23; i++) {
			submitFeedback(mentors.get(i), "4", "Later " + (char) ('a' + i));
		}
		close();
		assertThat(comments()).as("nine new comments").isEqualTo(before);
		open();
		for (int i = 23; i < 28; i++) {
			submitFeedback(mentors.get(i), "4", i == 23 ? "Last one" : null);
		}
		close();
		assertThat(comments()).contains("Target").contains("Last one").contains("Later p");
	}

	@Test
	void shouldNotMoveAnItemsDistributionByOneWhenOnlyTheTargetAnsweredItInABatch() {
		List<Browser> mentors = roster(11);
		open();
		for (int i = 0; i < 5; i++) {
			submitFeedback(mentors.get(i), "4", null);
		}
		close();
		String before = distribution("strategies-helpful");
		assertThat(before).contains("distribution,mentor-post,post,strategies-helpful,,n,5\r\n");

		// Four responses given in the tool under an earlier version of the questions, which did not ask the item,
		// are held with the target's: the batch has five, of whom only the target answered it.
		List<CohortWriter.Submitted> earlier = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			earlier.add(new CohortWriter.Submitted(this.pseudonyms.ofExternal(course(), "earlier-" + i), "mentor-post",
					Wave.POST, Map.of("likely-to-use", "4", "meeting-frequency", "once")));
		}
		open();
		assertThat(this.writer.write(course(), "TOOL", "earlier-version", earlier)).isEqualTo(4);
		submitFeedback(mentors.get(5), "1", null);
		close();
		assertThat(distribution("likely-to-use")).contains("distribution,mentor-post,post,likely-to-use,,n,10\r\n");
		assertThat(distribution("strategies-helpful")).as("the item's sixth answer, in a batch of five").isEqualTo(before);

		// The next batch brings five more answers to the item: with the target's, six new enter together.
		open();
		for (int i = 6; i < 11; i++) {
			submitFeedback(mentors.get(i), "4", null);
		}
		close();
		assertThat(distribution("strategies-helpful"))
			.contains("distribution,mentor-post,post,strategies-helpful,,n,11\r\n");
	}

	/** The training feedback, with an optional comment ({@code null} for none). */
	private void submitFeedback(Browser mentor, String helpful, String comment) {
		Map<String, String> answers = new LinkedHashMap<>(Map.of("a.strategies-helpful", helpful, "a.likely-to-use", "4",
				"a.meeting-frequency", "once"));
		if (comment != null) {
			answers.put("a.comments", comment);
		}
		submit(mentor, "mentor-post", "post", answers);
	}

	/** The comments on the training feedback, as the JSON export holds them. */
	private String comments() {
		String json = this.staff.get(tool("/course/surveys/report.json")).body();
		int start = json.indexOf("\"comments\"", json.indexOf("\"instrumentId\":\"mentor-post\""));
		return json.substring(start, json.indexOf(']', start) + 1);
	}

	/** One item's lines of the CSV's distributions. */
	private String distribution(String item) {
		return this.staff.get(tool("/course/surveys/report.csv")).body().lines()
			.filter(line -> line.startsWith("distribution,mentor-post,post," + item + ","))
			.map(line -> line + "\r\n")
			.collect(java.util.stream.Collectors.joining());
	}

	/** The whole roster first: a new member changes "invited", which is not what is under test. */
	private List<Browser> roster(int size) {
		List<Browser> mentors = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			mentors.add(this.launcher.launch("mentor-" + UUID.randomUUID(), "Mentor " + i, SurveyLaunch.LEARNER, "mentor"));
		}
		return mentors;
	}

	/** The lines of the pre/post tables and the count of pairs: the figures a new pair or group member moves. */
	private String prePostLines(String path) {
		return this.staff.get(tool(path)).body().lines()
			.filter(line -> line.startsWith("scale-scores,") || line.startsWith("items,") || line.startsWith("subgroups,")
					|| line.startsWith("intersections,") || line.startsWith("response-rates,mentor-prepost,both,"))
			.map(line -> line + "\r\n")
			.collect(java.util.stream.Collectors.joining());
	}

	/** Every item of one wave of the pre/post self-assessment, with one value. */
	private void submitPrePost(Browser mentor, String wave, String value) {
		Map<String, String> answers = new LinkedHashMap<>();
		this.curriculum.instrument("mentor-prepost").orElseThrow().items()
			.forEach(item -> answers.put("a." + item.id(), value));
		submit(mentor, "mentor-prepost", wave, answers);
	}

	private void submitDemographics(Browser mentor, String gender) {
		Map<String, String> about = new LinkedHashMap<>();
		this.curriculum.instrument("demographics").orElseThrow().items()
			.forEach(item -> about.put("a." + item.id(), item.options().get(item.options().size() - 1).value()));
		about.put("a.gender-identity", gender);
		submit(mentor, "demographics", "once", about);
	}

	/** Opens (from yesterday to next week) or closes (until yesterday) the pre, post and demographics windows. */
	private void windows(boolean pre, boolean post, boolean demographics) {
		LocalDate[] open = { LocalDate.now().minusDays(1), LocalDate.now().plusDays(7) };
		LocalDate[] closed = { LocalDate.now().minusDays(10), LocalDate.now().minusDays(1) };
		Map<Wave, LocalDate[]> prePost = new LinkedHashMap<>();
		prePost.put(Wave.PRE, pre ? open : closed);
		prePost.put(Wave.POST, post ? open : closed);
		this.administration.change(course(), this.curriculum.instrument("mentor-prepost").orElseThrow(),
				InstrumentSettings.DEFAULTS, prePost);
		this.administration.change(course(), this.curriculum.instrument("demographics").orElseThrow(),
				InstrumentSettings.DEFAULTS, Map.of(Wave.ONCE, demographics ? open : closed));
	}

	/** The report's every output, by path. */
	private Map<String, String> outputs() {
		Map<String, String> outputs = new LinkedHashMap<>();
		for (String path : OUTPUTS) {
			outputs.put(path, this.staff.get(tool(path)).body());
		}
		return outputs;
	}

	/** Answers the pre/post self-assessment's two waves, the feedback and the demographics; answers vary by person. */
	private void answerEverything(Browser mentor, int person) {
		Instrument prePost = this.curriculum.instrument("mentor-prepost").orElseThrow();
		for (String wave : List.of("pre", "post")) {
			Map<String, String> answers = new LinkedHashMap<>();
			prePost.items().forEach(item -> answers.put("a." + item.id(), String.valueOf(wave.equals("pre") ? 1 + person % 3 : 3 + person % 3)));
			submit(mentor, "mentor-prepost", wave, answers);
		}
		submit(mentor, "mentor-post", "post", Map.of("a.strategies-helpful", String.valueOf(1 + person % 5),
				"a.likely-to-use", "4", "a.meeting-frequency", "once"));
		Map<String, String> about = new LinkedHashMap<>();
		this.curriculum.instrument("demographics").orElseThrow().items()
			.forEach(item -> about.put("a." + item.id(), item.options().get(item.options().size() - 1).value()));
		about.put("a.gender-identity", person % 2 == 0 ? "woman" : "man");
		submit(mentor, "demographics", "once", about);
	}

	private void submit(Browser mentor, String instrument, String wave, Map<String, String> answers) {
		Map<String, String> posted = new LinkedHashMap<>(answers);
		posted.put("action", "submit");
		assertThat(mentor.post(tool("/surveys/" + instrument + "/" + wave), posted).statusCode()).as(instrument + " " + wave)
			.isEqualTo(302);
	}

	/** Staff open every wave from yesterday to next week (the administration page's own path). */
	private void open() {
		windows(LocalDate.now().minusDays(1), LocalDate.now().plusDays(7));
	}

	/** Staff close every wave: it ran until yesterday. */
	private void close() {
		windows(LocalDate.now().minusDays(10), LocalDate.now().minusDays(1));
	}

	/** Staff remove every window. */
	private void blank() {
		windows(null, null);
	}

	private void windows(LocalDate opens, LocalDate closes) {
		Map<String, List<Wave>> waves = Map.of("mentor-prepost", List.of(Wave.PRE, Wave.POST), "mentor-post",
				List.of(Wave.POST), "demographics", List.of(Wave.ONCE));
		waves.forEach((id, list) -> {
			Map<Wave, LocalDate[]> dates = new LinkedHashMap<>();
			list.forEach(wave -> dates.put(wave, new LocalDate[] { opens, closes }));
			this.administration.change(course(), this.curriculum.instrument(id).orElseThrow(), InstrumentSettings.DEFAULTS,
					dates);
		});
	}

	private CourseId course() {
		return new CourseId(this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(this.contextId)
			.query(Long.class).single());
	}

	private String tool(String path) {
		return this.launcher.tool(path);
	}

}
