package org.coachapproach.assessment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation report over real HTTP: the page shows exactly the JSON's figures, formatted as
 * a journal prints them; staff only; nothing suppressed appears in any output.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class EvaluationReportTests {

	private static final String DASH = "—not shown: fewer than 5 respondents, or it could reveal a smaller group";

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
		this.contextId = "evaluation-" + UUID.randomUUID();
		this.launcher = new SurveyLaunch(platform, this.port, this.registrations, this.contextId);
		this.staff = this.launcher.launch("staff-" + UUID.randomUUID(), "Sam Staff", SurveyLaunch.ADMINISTRATOR, "staff");
	}

	@Test
	void shouldShowOnThePageExactlyTheFiguresOfTheJson() {
		this.writer.write(course(), "SYNTHETIC", this.curriculum.contentHash(),
				new SyntheticCohort(this.curriculum, code -> this.pseudonyms.ofExternal(course(), code)).responses());

		HttpResponse<String> page = this.staff.get(tool("/course/surveys/evaluation"));
		HttpResponse<String> print = this.staff.get(tool("/course/surveys/evaluation?print=true"));
		HttpResponse<String> json = this.staff.get(tool("/course/surveys/evaluation.json"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(print.statusCode()).isEqualTo(200);
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(print.body()).doesNotContain("class=\"app-nav\"").contains("<body class=\"print\">");
		JsonNode report = JsonMapper.builder().build().readTree(json.body());
		assertThat(report.get("synthetic").asBoolean()).isTrue();
		List<String> kinds = new ArrayList<>();
		int tables = 0;
		int figures = 0;
		int rowsCompared = 0;
		for (String html : List.of(page.body(), print.body())) {
			kinds.clear();
			tables = 0;
			figures = 0;
			rowsCompared = 0;
			for (JsonNode part : report.get("parts")) {
				String kind = part.get("kind").asString();
				int number = part.get("number").asInt();
				kinds.add(kind);
				switch (kind) {
					case "rates" -> {
						tables++;
						for (JsonNode r : part.get("rows")) {
							assertThat(cells(html, "t" + number + "-" + r.get("instrumentId").asString()))
								.containsExactly(r.get("invited").isNull() ? "not the roster" : r.get("invited").asString(),
										count(r.get("pre"), r.get("prePercent")), count(r.get("post"), r.get("postPercent")),
										count(r.get("both"), r.get("bothPercent")));
							rowsCompared++;
						}
					}
					case "demographics", "answers" -> {
						tables++;
						for (JsonNode d : part.get("distributions")) {
							List<String> expected = new ArrayList<>();
							for (int i = 0; i < d.get("counts").size(); i++) {
								expected.add(count(d.get("counts").get(i), d.get("percents").get(i)));
							}
							if (d.get("scale").asBoolean()) {
								expected.add(d.get("agree").isNull() ? DASH : percent(d.get("agree").asDouble()));
							}
							assertThat(cells(html, "t" + number + "-" + d.get("key").asString())).as(d.get("key").asString())
								.containsExactlyElementsOf(expected);
							rowsCompared++;
						}
					}
					case "prePost", "followUp", "retrospective" -> {
						tables++;
						for (JsonNode r : part.get("scales")) {
							assertThat(cells(html, "t" + number + "-scale-" + r.get("key").asString())).containsExactlyElementsOf(comparison(r));
							rowsCompared++;
						}
						for (JsonNode r : part.get("items")) {
							assertThat(cells(html, "t" + number + "-" + r.get("key").asString())).containsExactlyElementsOf(comparison(r));
							rowsCompared++;
						}
					}
					case "chart" -> {
						figures++;
						assertThat(html).contains("Figure " + number + ". ").containsPattern("<svg role=\"img\"[^>]* aria-labelledby=\"f" + number + "\" aria-describedby=\"t-f" + number + "\"");
						int no = 0;
						for (JsonNode item : part.get("items")) {
							JsonNode means = item.get("means");
							List<String> expected = new ArrayList<>(List.of(String.valueOf(++no),
									means.get("suppressed").asBoolean() ? DASH : means.get("n").asString(),
									mean(means.get("preMean")), mean(means.get("postMean"))));
							for (int i = 0; i < part.get("pointLabels").size(); i++) {
								expected.add(count(item.get("pre").get("counts").get(i), item.get("pre").get("percents").get(i)));
								expected.add(count(item.get("post").get("counts").get(i), item.get("post").get("percents").get(i)));
							}
							assertThat(cells(html, "t-f" + number + "-" + item.get("key").asString())).containsExactlyElementsOf(expected);
							rowsCompared++;
						}
					}
					default -> throw new AssertionError("Unknown part " + kind);
				}
			}
			// every table and figure of the JSON is on the page, and the page has no other
			assertThat(count(html, "<caption[^>]*>Table \\d+\\. ")).isEqualTo(tables);
			assertThat(count(html, "<figcaption[^>]*>Figure \\d+\\. ")).isEqualTo(figures);
		}
		// the published evaluation's order: rates, demographics, mentors, their figure and feedback, mentees, their figure
		// and meetings, CFDS
		assertThat(kinds).startsWith("rates", "demographics", "prePost", "chart", "answers", "prePost", "chart", "answers",
				"answers");
		assertThat(rowsCompared).isGreaterThan(60);
		assertThat(page.body()).contains("&lt; 0.001").contains("Table 3. Mentor self-assessment: scale scores and items")
			.contains("Figure 1. Mentor self-assessment: ")
			.contains("Question asked: How confident are you in modelling each of these coaching behaviours?")
			.contains("How often have you met with your mentor this year?");
	}

	@Test
	void shouldRefuseAnyoneButStaff() {
		Browser instructor = this.launcher.launch("instructor-" + UUID.randomUUID(), "Ira Instructor", SurveyLaunch.INSTRUCTOR, null);
		Browser mentor = this.launcher.launch("mentor-" + UUID.randomUUID(), "Mo Mentor", SurveyLaunch.LEARNER, "mentor");

		for (Browser refused : List.of(instructor, mentor)) {
			assertThat(refused.get(tool("/course/surveys/evaluation")).statusCode()).isEqualTo(403);
			assertThat(refused.get(tool("/course/surveys/evaluation?print=true")).statusCode()).isEqualTo(403);
			assertThat(refused.get(tool("/course/surveys/evaluation.json")).statusCode()).isEqualTo(403);
		}
		assertThat(this.staff.get(tool("/course/surveys/report")).body()).contains("/course/surveys/evaluation");
	}

	@Test
	void shouldShowNoFigureOfASmallCohortAnywhere() {
		// four mentors: pre 2 on every item, post 5 on every item; no output may show 2.00, 5.00, a 4 or a 100%
		Instrument instrument = this.curriculum.instrument("mentor-prepost").orElseThrow();
		List<CohortWriter.Submitted> responses = new ArrayList<>();
		for (int r = 0; r < 4; r++) {
			Map<String, String> pre = new LinkedHashMap<>();
			Map<String, String> post = new LinkedHashMap<>();
			instrument.items().stream().filter(i -> i.type() == Instrument.ItemType.SCALE).forEach(item -> {
				pre.put(item.id(), "2");
				post.put(item.id(), "5");
			});
			byte[] key = this.pseudonyms.ofExternal(course(), "small-" + r);
			responses.add(new CohortWriter.Submitted(key, instrument.id(), Wave.PRE, pre));
			responses.add(new CohortWriter.Submitted(key, instrument.id(), Wave.POST, post));
			responses.add(new CohortWriter.Submitted(key, "demographics", Wave.ONCE, Map.of("gender-identity", "woman")));
		}
		this.writer.write(course(), "IMPORT", this.curriculum.contentHash(), responses);

		String page = this.staff.get(tool("/course/surveys/evaluation")).body();
		String print = this.staff.get(tool("/course/surveys/evaluation?print=true")).body();
		String json = this.staff.get(tool("/course/surveys/evaluation.json")).body();

		for (String html : List.of(page, print)) {
			assertThat(html).contains("Fewer than five respondents answered both waves").contains(DASH.substring(1))
				.doesNotContain("2.00").doesNotContain("5.00").doesNotContain("100%").doesNotContainPattern("class=\"num\">4( \\(|<)");
		}
		assertThat(json).doesNotContain("\"pairs\":4").doesNotContain("\"n\":4").doesNotContain("\"respondents\":4")
			.doesNotContain(":2.0,").doesNotContain(":5.0,").doesNotContain("100.0");
		JsonNode report = JsonMapper.builder().build().readTree(json);
		for (JsonNode part : report.get("parts")) {
			if (part.get("kind").asString().equals("prePost")) {
				assertThat(part.get("pairs").isNull()).isTrue();
				for (JsonNode r : part.get("items")) {
					assertThat(r.get("suppressed").asBoolean()).isTrue();
					assertThat(r.get("preMean").isNull()).isTrue();
				}
			}
		}
	}

	/** The texts of the cells ({@code td}) of a table row or row group, tags stripped and entities read. */
	private static List<String> cells(String html, String id) {
		Matcher element = Pattern.compile("<(tr|tbody) id=\"" + Pattern.quote(id) + "\">(.*?)</\\1>", Pattern.DOTALL).matcher(html);
		assertThat(element.find()).as("row " + id).isTrue();
		List<String> cells = new ArrayList<>();
		Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(element.group(2));
		while (cell.find()) {
			cells.add(cell.group(1).replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&amp;", "&").strip());
		}
		return cells;
	}

	private static List<String> comparison(JsonNode r) {
		if (r.get("suppressed").asBoolean()) {
			return java.util.Collections.nCopies(9, DASH);
		}
		return List.of(r.get("n").asString(), mean(r.get("preMean")) + " (" + mean(r.get("preSd")) + ")",
				mean(r.get("postMean")) + " (" + mean(r.get("postSd")) + ")", mean(r.get("difference")),
				mean(r.get("ciLow")) + " to " + mean(r.get("ciHigh")), p(r.get("p")), mean(r.get("dz")), p(r.get("pHolm")),
				p(r.get("pBh")));
	}

	/** A journal's mean: two decimals. */
	private static String mean(JsonNode value) {
		return value.isNull() ? DASH : String.format(Locale.ROOT, "%.2f", value.asDouble());
	}

	/** A journal's p: three decimals, "< 0.001" below that. */
	private static String p(JsonNode value) {
		return value.isNull() ? "" : value.asDouble() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", value.asDouble());
	}

	private static String percent(double value) {
		return String.format(Locale.ROOT, "%.0f%%", value);
	}

	private static String count(JsonNode count, JsonNode percent) {
		if (count.isNull()) {
			return DASH;
		}
		return percent.isNull() ? count.asString() : count.asString() + " (" + percent(percent.asDouble()) + ")";
	}

	private static int count(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	private CourseId course() {
		return new CourseId(this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(this.contextId)
			.query(Long.class).single());
	}

	private String tool(String path) {
		return this.launcher.tool(path);
	}

}
