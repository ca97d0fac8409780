package org.coachapproach.assessment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.coachapproach.assessment.internal.demo.SyntheticCohort;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff's survey report over real HTTP: the journal-style tables on real data, who may see
 * it, small-cell and complementary suppression in every output, and no identity anywhere.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class SurveyReportTests {

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
		this.contextId = "report-" + UUID.randomUUID();
		this.launcher = new SurveyLaunch(platform, this.port, this.registrations, this.contextId);
		this.staff = this.launcher.launch("staff-" + UUID.randomUUID(), "Sam Staff", SurveyLaunch.ADMINISTRATOR, "staff");
	}

	@Test
	void shouldShowTheSyntheticCohortsTablesToStaffOnly() {
		this.writer.write(course(), "SYNTHETIC", this.curriculum.contentHash(),
				new SyntheticCohort(this.curriculum, code -> this.pseudonyms.ofExternal(course(), code)).responses());
		Browser instructor = this.launcher.launch("instructor-" + UUID.randomUUID(), "Ira Instructor", SurveyLaunch.INSTRUCTOR, null);
		Browser mentor = this.launcher.launch("mentor-" + UUID.randomUUID(), "Mo Mentor", SurveyLaunch.LEARNER, "mentor");

		HttpResponse<String> page = this.staff.get(tool("/course/surveys/report"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("SYNTHETIC DATA")
			.contains("33 respondents answered both waves")
			.contains("<caption>Mentor self-assessment: items, pre and post</caption>")
			.contains("<th scope=\"row\">Knowledge of mentoring competencies and resources</th>")
			.contains("&lt; 0.001")
			.containsPattern("<td class=\"num\">\\d\\.\\d\\d ± \\d\\.\\d\\d</td>")
			.contains("<svg role=\"img\" aria-labelledby=\"dot-arrow-caption\"")
			.contains("aria-describedby=\"dist-strategies-helpful dist-likely-to-use dist-approach-use-frequency dist-meeting-frequency "
					+ "dist-time-training-fair dist-time-meetings-fair\"")
			.contains("<caption>How helpful were the coach-approach strategies taught in the program?</caption>")
			.contains("(synthetic) The structure of the sessions built week on week.");
		assertThat(this.staff.get(tool("/course/surveys/report?print=true")).body()).doesNotContain("class=\"app-nav\"")
			.contains("<caption>Mentor self-assessment: items, pre and post</caption>");
		// 15 of 35 "very helpful", 15 "somewhat helpful"; the 1 and 4 below are hidden, together 5
		assertThat(this.staff.get(tool("/course/surveys/report.csv")).body())
			.contains("distribution,mentor-post,post,strategies-helpful,Very helpful,count,15\r\n")
			.contains("distribution,mentor-post,post,strategies-helpful,Somewhat unhelpful,count,suppressed\r\n")
			.contains("distribution,mentor-post,post,strategies-helpful,,percent-agree,85.7\r\n");
		assertThat(this.staff.get(tool("/course/surveys/report.json")).body()).contains("\"pairs\":33")
			.contains("\"synthetic\":true");
		for (Browser refused : List.of(instructor, mentor)) {
			assertThat(refused.get(tool("/course/surveys/report")).statusCode()).isEqualTo(403);
			assertThat(refused.get(tool("/course/surveys/report.csv")).statusCode()).isEqualTo(403);
			assertThat(refused.get(tool("/course/surveys/report.json")).statusCode()).isEqualTo(403);
		}
	}

	@Test
	void shouldHideASmallSubgroupAndTheNextSmallestInEveryOutput() {
		// 10 women, 6 men, 2 who prefer not to say: the 2 could be derived from the total, so men are hidden too.
		List<String> genders = new ArrayList<>();
		genders.addAll(java.util.Collections.nCopies(10, "woman"));
		genders.addAll(java.util.Collections.nCopies(6, "man"));
		genders.addAll(java.util.Collections.nCopies(2, "prefer-not-to-say"));
		seedPairs(genders, 7);

		String csv = this.staff.get(tool("/course/surveys/report.csv?subgroup=gender-identity")).body();
		String html = this.staff.get(tool("/course/surveys/report?subgroup=gender-identity")).body();
		String json = this.staff.get(tool("/course/surveys/report.json?subgroup=gender-identity")).body();

		assertThat(csv).contains("subgroups,mentor-prepost,pre-post,knowledge-promotion,Woman,n,10\r\n")
			.contains("subgroups,mentor-prepost,pre-post,knowledge-promotion,Man,n,suppressed\r\n")
			.doesNotContain(",Man,first-mean,")
			.contains("items,mentor-prepost,pre-post,knowledge-promotion,,n,18\r\n");
		assertThat(html).contains("Not shown: fewer than 5 respondents").doesNotContain(">Prefer not to say<");
		assertThat(json).contains("\"group\":\"Man\",\"suppressed\":true,\"figures\":null");
	}

	@Test
	void shouldGroupYearsIntoTenOrFewerAndMoreThanTen() {
		List<String> years = List.of("0-5", "0-5", "0-5", "6-10", "6-10", "6-10", "6-10", "11-19", "11-19", "11-19", "11-19",
				"20-plus", "20-plus", "20-plus", "20-plus", "prefer-not-to-say", "prefer-not-to-say", "prefer-not-to-say",
				"prefer-not-to-say", "prefer-not-to-say");
		seedPairs(years.stream().map(y -> "woman").toList(), 4);
		List<CohortWriter.Submitted> demographics = new ArrayList<>();
		this.jdbc.sql("DELETE FROM assessment_response WHERE course_id = ? AND instrument_id = 'demographics'")
			.param(course().value()).update();
		for (int r = 0; r < years.size(); r++) {
			demographics.add(new CohortWriter.Submitted(key("r" + r), "demographics", Wave.ONCE,
					Map.of("years-at-institution", years.get(r))));
		}
		this.writer.write(course(), "IMPORT", this.curriculum.contentHash(), demographics);

		String csv = this.staff.get(tool("/course/surveys/report.csv?subgroup=years-at-institution")).body();

		assertThat(csv).contains("subgroups,mentor-prepost,pre-post,knowledge,10 years or fewer,n,7\r\n")
			.contains("subgroups,mentor-prepost,pre-post,knowledge,More than 10 years,n,8\r\n")
			.contains("scale-scores,mentor-prepost,pre-post,knowledge,,n,20\r\n");
	}

	@Test
	void shouldCrossTwoSubgroupsAndHideSmallPairsWithTheirRowAndColumnComplements() {
		// women: 6 assistant, 7 associate, 3 full; men: 8, 5, 9; 2 associates who prefer not to give their gender.
		// The 3 women full professors are hidden; then, since the women's total is shown by gender,
		// the next smallest woman cell (6 assistant); since the full professors' total is shown by rank,
		// the 9 men; and the men associates (5), or the 2 undisclosed associates could be derived.
		List<String[]> people = new ArrayList<>();
		add(people, 6, "woman", "assistant");
		add(people, 7, "woman", "associate");
		add(people, 3, "woman", "full");
		add(people, 8, "man", "assistant");
		add(people, 5, "man", "associate");
		add(people, 9, "man", "full");
		add(people, 2, "prefer-not-to-say", "associate");
		seedCrossed(people);
		String query = "?subgroup=gender-identity&cross=rank";

		String html = this.staff.get(tool("/course/surveys/report" + query)).body();
		String csv = this.staff.get(tool("/course/surveys/report.csv" + query)).body();
		String json = this.staff.get(tool("/course/surveys/report.json" + query)).body();

		assertThat(html).contains("<label for=\"cross\">Crossed with</label>")
			.contains("<option value=\"rank\" selected=\"selected\">What is your current rank?</option>")
			.contains("<table id=\"intersections-knowledge\">")
			.contains("<caption>Knowledge of mentoring competencies and resources: by &quot;What is your gender identity?&quot; and &quot;What is your current rank?&quot;, pre and post</caption>")
			.contains("<th scope=\"col\">What is your gender identity?</th>")
			.containsPattern(cell("Woman", "Associate clinical professor") + "<td class=\"num\">7</td>")
			.containsPattern(cell("Man", "Assistant clinical professor") + "<td class=\"num\">8</td>")
			.doesNotContain(">Prefer not to say<");
		for (String[] hidden : List.of(new String[] { "Woman", "Clinical professor" },
				new String[] { "Woman", "Assistant clinical professor" }, new String[] { "Man", "Associate clinical professor" },
				new String[] { "Man", "Clinical professor" })) {
			String group = hidden[0] + " × " + hidden[1];
			assertThat(html).as(group).containsPattern(cell(hidden[0], hidden[1]) + "<td class=\"suppressed\" colspan=\"12\">Not shown");
			assertThat(csv).as(group).contains("intersections,mentor-prepost,pre-post,knowledge," + group + ",n,suppressed\r\n")
				.doesNotContainPattern("intersections,[^\r]*," + group + ",(?!n,suppressed)");
			assertThat(json).as(group).containsPattern("\\{\"rowGroup\":\"" + hidden[0] + "\",\"columnGroup\":\"" + hidden[1]
					+ "\",\"comparison\":\\{\"key\":\"knowledge\",[^}]*\"suppressed\":true,\"figures\":null");
		}
		assertThat(csv).contains("intersections,mentor-prepost,pre-post,knowledge,Woman × Associate clinical professor,n,7\r\n")
			.contains("intersections,mentor-prepost,pre-post,knowledge,Man × Assistant clinical professor,n,8\r\n")
			.contains("intersections,mentor-prepost,pre-post,knowledge,Woman × Associate clinical professor,first-mean,");
		assertThat(json).contains("\"crossSubgroup\":\"rank\"")
			.containsPattern("\"rowGroup\":\"Woman\",\"columnGroup\":\"Associate clinical professor\",\"comparison\":\\{[^}]*\"suppressed\":false,\"figures\":\\{\"n\":7,");
		// The women full professors answered 1 then 5 throughout, as nobody else did: no output holds their means.
		assertThat(html).doesNotContain("1.00 ± 0.00");
		assertThat(csv).doesNotContain(",first-mean,1.0\r\n");
		assertThat(json).doesNotContain("\"firstMean\":1.0,");
	}

	@Test
	void shouldRefuseAnUnknownOrRepeatedSecondBreakdownAndChangeNothingElse() {
		seedPairs(java.util.Collections.nCopies(10, "woman"), 4);
		Map<String, String> refusals = Map.of("?subgroup=gender-identity&cross=gender-identity", "cannot be crossed with itself",
				"?subgroup=gender-identity&cross=division", "no such subgroup question",
				"?subgroup=gender-identity&cross=nonsense", "no such subgroup question",
				"?cross=rank", "Choose a first breakdown");
		refusals.forEach((query, reason) -> {
			HttpResponse<String> page = this.staff.get(tool("/course/surveys/report" + query));
			assertThat(page.statusCode()).as(query).isEqualTo(400);
			assertThat(page.body()).as(query).contains("<p class=\"problem\" role=\"alert\">").contains(reason)
				.contains("10 respondents answered both waves")
				.doesNotContain("id=\"intersections-");
			for (String export : List.of("/course/surveys/report.csv", "/course/surveys/report.json")) {
				HttpResponse<String> refused = this.staff.get(tool(export + query));
				assertThat(refused.statusCode()).as(export + query).isEqualTo(400);
				assertThat(refused.body()).as(export + query).contains(reason).doesNotContain("mentor-prepost");
			}
		});
		assertThat(this.staff.get(tool("/course/surveys/report?subgroup=gender-identity")).body()).contains("id=\"subgroups\"");
		Browser instructor = this.launcher.launch("instructor-" + UUID.randomUUID(), "Ira Instructor", SurveyLaunch.INSTRUCTOR, null);
		assertThat(instructor.get(tool("/course/surveys/report?subgroup=gender-identity&cross=rank")).statusCode()).isEqualTo(403);
		assertThat(instructor.get(tool("/course/surveys/report.csv?subgroup=gender-identity&cross=rank")).statusCode()).isEqualTo(403);
	}

	@Test
	void shouldCompareWithTheFollowUpAndAdjustPOnlyWhenAsked() {
		Instrument instrument = this.curriculum.instrument("mentor-prepost").orElseThrow();
		List<CohortWriter.Submitted> responses = new ArrayList<>();
		for (int r = 0; r < 8; r++) {
			Map<String, String> pre = new LinkedHashMap<>();
			Map<String, String> later = new LinkedHashMap<>();
			int before = 2 + r % 2;
			int after = 3 + r % 3;
			instrument.items().forEach(item -> {
				pre.put(item.id(), String.valueOf(before));
				later.put(item.id(), String.valueOf(after));
			});
			responses.add(new CohortWriter.Submitted(key("f" + r), instrument.id(), Wave.PRE, pre));
			responses.add(new CohortWriter.Submitted(key("f" + r), instrument.id(), Wave.FOLLOW_UP, later));
		}
		this.writer.write(course(), "IMPORT", this.curriculum.contentHash(), responses);

		assertThat(this.staff.get(tool("/course/surveys/report.csv")).body())
			.contains("items,mentor-prepost,pre-post,knowledge-promotion,,n,suppressed\r\n");
		String raw = this.staff.get(tool("/course/surveys/report.csv?compare=follow-up")).body();
		String holm = this.staff.get(tool("/course/surveys/report.csv?compare=follow-up&adjust=holm")).body();

		assertThat(raw).contains("items,mentor-prepost,pre-follow-up,knowledge-promotion,,n,8\r\n").doesNotContain("p-adjusted");
		assertThat(holm).contains("items,mentor-prepost,pre-follow-up,knowledge-promotion,,p-adjusted,");
		assertThat(this.staff.get(tool("/course/surveys/report?compare=follow-up&adjust=bh")).body())
			.contains("<th scope=\"col\">Adjusted p</th>").contains("Mentor self-assessment: Pre – Follow-up");
	}

	@Test
	void shouldShowNothingForFewerThanFivePairs() {
		seedPairs(List.of("woman", "woman", "man", "man"), 3);

		String csv = this.staff.get(tool("/course/surveys/report.csv")).body();

		assertThat(this.staff.get(tool("/course/surveys/report")).body()).contains("Fewer than five respondents answered both waves");
		assertThat(csv).contains("items,mentor-prepost,pre-post,knowledge-promotion,,n,suppressed\r\n")
			.doesNotContain("first-mean");
	}

	@Test
	void shouldNeverShowWhoRespondedOrTheirKeys() {
		SurveyTestsSupport.openWindow(this.jdbc, course(), "mentor-prepost", "pre");
		SurveyTestsSupport.openWindow(this.jdbc, course(), "mentor-prepost", "post");
		List<String> names = List.of("Zelda Quartermain", "Yusuf Ombudsperson", "Xiomara Veldhuizen", "Wendell Archdeacon",
				"Vivienne Thistlewood", "Ulrich Brightwater");
		List<Browser> mentors = names.stream()
			.map(name -> this.launcher.launch("mentor-" + UUID.randomUUID(), name, SurveyLaunch.LEARNER, "mentor"))
			.toList();
		Instrument instrument = this.curriculum.instrument("mentor-prepost").orElseThrow();
		for (Browser mentor : mentors) {
			for (String wave : List.of("pre", "post")) {
				Map<String, String> answers = new LinkedHashMap<>();
				instrument.items().forEach(item -> answers.put("a." + item.id(), wave.equals("pre") ? "2" : "4"));
				answers.put("action", "submit");
				assertThat(mentor.post(tool("/surveys/mentor-prepost/" + wave), answers).statusCode()).isEqualTo(302);
			}
		}
		// a seventh mentor on the roster who never responds
		this.launcher.launch("mentor-" + UUID.randomUUID(), "Tobias Nonresponder", SurveyLaunch.LEARNER, "mentor");
		List<String> keys = this.jdbc.sql("SELECT respondent FROM assessment_response WHERE course_id = ?")
			.param(course().value()).query(byte[].class).list().stream().map(HexFormat.of()::formatHex).toList();
		List<String> personIds = this.jdbc.sql("SELECT CAST(person_id AS CHAR) FROM membership WHERE course_id = ?")
			.param(course().value()).query(String.class).list();

		for (String path : List.of("/course/surveys/report", "/course/surveys/report?print=true", "/course/surveys/report.csv",
				"/course/surveys/report.json", "/course/surveys/report?subgroup=rank", "/course/surveys")) {
			String body = this.staff.get(tool(path)).body();
			assertThat(body).as(path).contains(path.equals("/course/surveys") ? "Surveys" : "mentor-prepost");
			names.forEach(name -> assertThat(body).as(path).doesNotContain(name.split(" ")[0]).doesNotContain(name.split(" ")[1]));
			assertThat(body).as(path).doesNotContain("Tobias").doesNotContain("Nonresponder");
			keys.forEach(key -> assertThat(body.toLowerCase()).as(path).doesNotContain(key).doesNotContain(key.substring(0, 16)));
		}
		String json = this.staff.get(tool("/course/surveys/report.json")).body();
		personIds.forEach(id -> assertThat(json).doesNotContainPattern("\"(person|personId|respondent)\"\\s*:\\s*\"?" + id));
		// 7 invited, 6 responded: the 1 non-respondent is fewer than five, so the count is hidden
		assertThat(this.staff.get(tool("/course/surveys/report.csv")).body())
			.contains("response-rates,mentor-prepost,,mentor,,invited,7\r\n")
			.contains("response-rates,mentor-prepost,pre,mentor,,responded,suppressed\r\n");
		// While the windows are open the answers are held: a report before and after one submission shows no difference.
		assertThat(this.staff.get(tool("/course/surveys/report")).body())
			.contains("Mentor self-assessment, Post wave: answers count once its window closes on")
			.doesNotContain("6 respondents answered both waves");
		closeWindows();
		assertThat(this.staff.get(tool("/course/surveys/report")).body()).contains("6 respondents answered both waves")
			.doesNotContain("answers count once");
	}

	/** Fewer than five answered in the tool: their answers stay out after the window closed, until a fifth joins them. */
	@Test
	void shouldHoldAnswersGivenInTheToolByFewerThanFiveUntilALaterBatch() {
		SurveyTestsSupport.openWindow(this.jdbc, course(), "mentor-post", "post");
		for (int i = 0; i < 4; i++) {
			submitFeedback(this.launcher.launch("mentor-" + UUID.randomUUID(), "Mentor " + i, SurveyLaunch.LEARNER, "mentor"));
		}
		closeWindows();

		assertThat(this.staff.get(tool("/course/surveys/report")).body())
			.contains("Answers given in the tool enter these figures in batches")
			.doesNotContain("Mentor feedback on the training, Post wave: answers count once its window closes on");
		assertThat(this.staff.get(tool("/course/surveys/report.csv")).body())
			.contains("respondents,mentor-post,post,,,n,suppressed\r\n")
			.contains("distribution,mentor-post,post,strategies-helpful,,n,suppressed\r\n");
		assertThat(this.staff.get(tool("/course/surveys/report.json")).body()).contains("\"held\":[]");

		this.jdbc.sql("DELETE FROM assessment_window WHERE course_id = ?").param(course().value()).update();
		SurveyTestsSupport.openWindow(this.jdbc, course(), "mentor-post", "post");
		submitFeedback(this.launcher.launch("mentor-" + UUID.randomUUID(), "Mentor 4", SurveyLaunch.LEARNER, "mentor"));
		closeWindows();

		assertThat(this.staff.get(tool("/course/surveys/report.csv")).body())
			.contains("respondents,mentor-post,post,,,n,5\r\n")
			.contains("distribution,mentor-post,post,strategies-helpful,Very helpful,count,5\r\n");
	}

	private void submitFeedback(Browser mentor) {
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("a.strategies-helpful", "5");
		answers.put("a.likely-to-use", "4");
		answers.put("a.meeting-frequency", "once");
		answers.put("action", "submit");
		assertThat(mentor.post(tool("/surveys/mentor-post/post"), answers).statusCode()).isEqualTo(302);
	}

	private void closeWindows() {
		this.jdbc.sql("UPDATE assessment_window SET opens_on = ?, closes_on = ? WHERE course_id = ?")
			.params(java.time.LocalDate.now().minusDays(10), java.time.LocalDate.now().minusDays(1), course().value())
			.update();
	}

	@Test
	void shouldShowCommentsOnlyFromTenRespondents() {
		List<CohortWriter.Submitted> responses = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			responses.add(new CohortWriter.Submitted(key("c" + i), "mentor-post", Wave.POST,
					Map.of("strategies-helpful", "5", "likely-to-use", "4", "meeting-frequency", "once", "comments",
							"Comment number " + i)));
		}
		this.writer.write(course(), "IMPORT", this.curriculum.contentHash(), responses);
		assertThat(this.staff.get(tool("/course/surveys/report")).body()).doesNotContain("Comment number")
			.contains("Fewer than ten people wrote a comment");
		assertThat(this.staff.get(tool("/course/surveys/report.json")).body()).doesNotContain("Comment number");

		this.writer.write(course(), "IMPORT", this.curriculum.contentHash(), List.of(new CohortWriter.Submitted(key("c9"),
				"mentor-post", Wave.POST, Map.of("strategies-helpful", "5", "likely-to-use", "4", "comments", "Comment number 9"))));
		assertThat(this.staff.get(tool("/course/surveys/report")).body()).contains("Comment number 0").contains("Comment number 9");
	}

	/** Mentors with both waves and demographics: pre 2 or 3, post {@code post} on every item. */
	private void seedPairs(List<String> genders, int post) {
		Instrument instrument = this.curriculum.instrument("mentor-prepost").orElseThrow();
		List<CohortWriter.Submitted> responses = new ArrayList<>();
		for (int r = 0; r < genders.size(); r++) {
			Map<String, String> pre = new LinkedHashMap<>();
			Map<String, String> after = new LinkedHashMap<>();
			int before = 2 + r % 2;
			instrument.items().forEach(item -> {
				pre.put(item.id(), String.valueOf(before));
				after.put(item.id(), String.valueOf(Math.min(5, post)));
			});
			byte[] key = key("r" + r);
			responses.add(new CohortWriter.Submitted(key, instrument.id(), Wave.PRE, pre));
			responses.add(new CohortWriter.Submitted(key, instrument.id(), Wave.POST, after));
			responses.add(new CohortWriter.Submitted(key, "demographics", Wave.ONCE, Map.of("gender-identity", genders.get(r))));
		}
		this.writer.write(course(), "IMPORT", this.curriculum.contentHash(), responses);
	}

	private static void add(List<String[]> people, int count, String gender, String rank) {
		for (int i = 0; i < count; i++) {
			people.add(new String[] { gender, rank });
		}
	}

	/**
	 * Mentors with both waves, gender and rank: pre 2 or 3 and post 4 on every item, except
	 * women full professors (1 then 5), whose means no output may show.
	 */
	private void seedCrossed(List<String[]> people) {
		Instrument instrument = this.curriculum.instrument("mentor-prepost").orElseThrow();
		List<CohortWriter.Submitted> responses = new ArrayList<>();
		for (int r = 0; r < people.size(); r++) {
			boolean marked = people.get(r)[0].equals("woman") && people.get(r)[1].equals("full");
			String before = marked ? "1" : String.valueOf(2 + r % 2);
			String after = marked ? "5" : "4";
			Map<String, String> pre = new LinkedHashMap<>();
			Map<String, String> post = new LinkedHashMap<>();
			instrument.items().forEach(item -> {
				pre.put(item.id(), before);
				post.put(item.id(), after);
			});
			byte[] key = key("x" + r);
			responses.add(new CohortWriter.Submitted(key, instrument.id(), Wave.PRE, pre));
			responses.add(new CohortWriter.Submitted(key, instrument.id(), Wave.POST, post));
			responses.add(new CohortWriter.Submitted(key, "demographics", Wave.ONCE,
					Map.of("gender-identity", people.get(r)[0], "rank", people.get(r)[1])));
		}
		this.writer.write(course(), "IMPORT", this.curriculum.contentHash(), responses);
	}

	/** The two row headers of a two-way breakdown's cell, up to its first figure. */
	private static String cell(String rowGroup, String columnGroup) {
		return "<th scope=\"row\">" + rowGroup + "</th>\\s*<th scope=\"row\">" + columnGroup + "</th>\\s*";
	}

	private byte[] key(String code) {
		return this.pseudonyms.ofExternal(course(), code);
	}

	private CourseId course() {
		return new CourseId(this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(this.contextId)
			.query(Long.class).single());
	}

	private String tool(String path) {
		return this.launcher.tool(path);
	}

}
