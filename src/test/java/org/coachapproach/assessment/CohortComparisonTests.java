package org.coachapproach.assessment;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;

import org.coachapproach.assessment.analysis.PairedComparison;
import org.coachapproach.assessment.internal.imports.CohortWriter;
import org.coachapproach.assessment.internal.report.CohortReader;
import org.coachapproach.assessment.internal.report.PrePostAnalysis;
import org.coachapproach.assessment.internal.responses.Pseudonyms;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.ItemType;
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
import static org.assertj.core.api.Assertions.within;

/**
 * Staff compare cohorts over years over real HTTP: two earlier cohorts imported into the course
 * and its own, every figure the one {@link PrePostAnalysis} gives for that cohort, a small
 * cohort's figures in no output, who may see it, and bad input refused.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class CohortComparisonTests {

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

	@Autowired
	PrePostAnalysis analysis;

	SurveyLaunch launcher;

	String contextId;

	Browser staff;

	Instrument instrument;

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
		this.contextId = "cohorts-" + UUID.randomUUID();
		this.launcher = new SurveyLaunch(platform, this.port, this.registrations, this.contextId);
		this.staff = this.launcher.launch("staff-" + UUID.randomUUID(), "Sam Staff", SurveyLaunch.ADMINISTRATOR, "staff");
		this.instrument = this.curriculum.instrument("mentor-prepost").orElseThrow();
	}

	@Test
	void shouldSetEachCohortsGainsSideBySideAsThePrePostAnalysisGivesThem() {
		seed("2023-2024", 12, r -> 2 + r % 3, r -> 4 + r % 2);
		seed("2022-2023", 8, r -> 2 + r % 2, r -> 3 + r % 3);
		seed(CohortReader.OWN, 6, r -> 1 + r % 2, r -> 3 + r % 3);
		assertThat(this.staff.post(tool("/course/surveys/cohorts/label"), Map.of("label", " 2025-2026 ")).statusCode())
			.isEqualTo(302);

		JsonNode json = JsonMapper.builder().build().readTree(this.staff.get(tool("/course/surveys/cohorts.json")).body());

		List<String> cohorts = List.of("2022-2023", "2023-2024", CohortReader.OWN);
		assertThat(json.get("cohorts").findValuesAsString("label")).containsExactly("2022-2023", "2023-2024", "2025-2026");
		assertThat(json.get("cohorts").findValuesAsString("cohort")).containsExactlyElementsOf(cohorts);
		for (int c = 0; c < cohorts.size(); c++) {
			PrePostReport expected = this.analysis.report(course(), cohorts.get(c), this.instrument, Wave.POST,
					Adjustment.NONE, null, null);
			assertThat(json.get("cohorts").get(c).get("pairs").asInt()).isEqualTo(expected.pairs()).isPositive();
			assertSameGains(json.get("scales"), expected.scales(), c);
			assertSameGains(json.get("items"), expected.items(), c);
		}
		// The 2023-2024 cohort's gain on one item, recomputed from the same numbers.
		double[] pre = new double[12];
		double[] post = new double[12];
		for (int r = 0; r < 12; r++) {
			pre[r] = 2 + r % 3;
			post[r] = 4 + r % 2;
		}
		PairedComparison expected = PairedComparison.compare(pre, post);
		JsonNode gain = json.get("items").get(0).get("gains").get(1);
		assertThat(gain.get("n").asInt()).isEqualTo(12);
		assertThat(gain.get("gain").asDouble()).isCloseTo(expected.meanDifference(), within(1e-12));
		assertThat(gain.get("ciLow").asDouble()).isCloseTo(expected.ciLow(), within(1e-12));
		assertThat(gain.get("ciHigh").asDouble()).isCloseTo(expected.ciHigh(), within(1e-12));
		assertThat(gain.get("dz").asDouble()).isCloseTo(expected.cohensDz(), within(1e-12));
		assertThat(gain.get("p").asDouble()).isCloseTo(expected.p(), within(1e-12));

		String formatted = String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", expected.meanDifference(), expected.ciLow(),
				expected.ciHigh());
		String page = this.staff.get(tool("/course/surveys/cohorts")).body();
		assertThat(page).containsSubsequence("<th scope=\"colgroup\" colspan=\"4\">2022-2023</th>",
				"<th scope=\"colgroup\" colspan=\"4\">2023-2024</th>", "<th scope=\"colgroup\" colspan=\"4\">2025-2026</th>")
			.contains(formatted)
			.contains("<title id=\"trend-job-satisfaction-title\">")
			.containsPattern("aria-labelledby=\"trend-job-satisfaction-title trend-job-satisfaction-desc\"")
			.containsSubsequence("</svg>", "<table id=\"trend-job-satisfaction\">");
		assertThat(this.staff.get(tool("/course/surveys/cohorts?print=true")).body()).doesNotContain("class=\"app-nav\"")
			.contains(formatted);
		assertThat(this.staff.get(tool("/course/surveys/cohorts.csv")).body())
			.contains("items,mentor-prepost,2023-2024," + this.instrument.items().get(0).id() + ",gain,"
					+ expected.meanDifference() + "\r\n")
			.contains("pairs,mentor-prepost,2025-2026,,n,6\r\n");
		assertThat(this.staff.get(tool("/course/surveys/report")).body()).contains("href=\"/course/surveys/cohorts?instrument=mentor-prepost\"");
	}

	@Test
	void shouldShowADashForACohortOfFewerThanFiveAndItsFiguresInNoOutput() {
		// Four respondents from 1 to 5 on every item: a gain of 4.00 that no output may show.
		seed("2021-2022", 4, r -> 1, r -> 5);
		seed("2022-2023", 8, r -> 2 + r % 2, r -> 3 + r % 3);

		String page = this.staff.get(tool("/course/surveys/cohorts")).body();
		String print = this.staff.get(tool("/course/surveys/cohorts?print=true")).body();
		String csv = this.staff.get(tool("/course/surveys/cohorts.csv")).body();
		String json = this.staff.get(tool("/course/surveys/cohorts.json")).body();

		for (String output : List.of(page, print)) {
			assertThat(output).contains("<span aria-hidden=\"true\">—</span> <span>not shown: fewer than 5 respondents</span>")
				.doesNotContain("4.00").doesNotContain(">4<");
		}
		assertThat(csv).contains("pairs,mentor-prepost,2021-2022,,n,suppressed\r\n")
			.contains("scale-scores,mentor-prepost,2021-2022,job-satisfaction,n,suppressed\r\n")
			.doesNotContainPattern("2021-2022,[^,]*,(gain|ci-low|ci-high|dz|p),")
			.doesNotContain(",4.0\r\n");
		assertThat(json).contains("{\"cohort\":\"2021-2022\",\"label\":\"2021-2022\",\"own\":false,\"pairs\":null}")
			.contains("{\"suppressed\":true,\"n\":null,\"gain\":null,\"ciLow\":null,\"ciHigh\":null,\"dz\":null,\"p\":null}")
			.doesNotContain("4.0,").doesNotContain("\"n\":4,");
		// The own cohort, with no answers and no label, is shown under the default name with a dash.
		assertThat(page).contains("<th scope=\"colgroup\" colspan=\"4\">This course</th>");
	}

	@Test
	void shouldRefuseMentorsAndInstructors() {
		seed("2022-2023", 8, r -> 2 + r % 2, r -> 3 + r % 3);
		Browser mentor = this.launcher.launch("mentor-" + UUID.randomUUID(), "Mo Mentor", SurveyLaunch.LEARNER, "mentor");
		Browser instructor = this.launcher.launch("instructor-" + UUID.randomUUID(), "Ira Instructor", SurveyLaunch.INSTRUCTOR, null);
		for (Browser refused : List.of(mentor, instructor)) {
			for (String path : List.of("/course/surveys/cohorts", "/course/surveys/cohorts.json", "/course/surveys/cohorts.csv")) {
				HttpResponse<String> response = refused.get(tool(path));
				assertThat(response.statusCode()).isEqualTo(403);
				assertThat(response.body()).doesNotContain("2022-2023");
			}
			assertThat(refused.post(tool("/course/surveys/cohorts/label"), Map.of("label", "2025-2026")).statusCode())
				.isEqualTo(403);
		}
		assertThat(ownLabel()).isEmpty();
	}

	@Test
	void shouldShowAnotherCoursesStaffOnlyTheirOwnCourse() {
		seed("2022-2023", 8, r -> 2 + r % 2, r -> 3 + r % 3);
		SurveyLaunch other = new SurveyLaunch(platform, this.port, this.registrations, "cohorts-other-" + UUID.randomUUID());
		Browser otherStaff = other.launch("staff-" + UUID.randomUUID(), "Oto Staff", SurveyLaunch.ADMINISTRATOR, "staff");

		String page = otherStaff.get(tool("/course/surveys/cohorts")).body();
		String json = otherStaff.get(tool("/course/surveys/cohorts.json")).body();

		assertThat(this.staff.get(tool("/course/surveys/cohorts")).body()).contains(">2022-2023<");
		assertThat(page).doesNotContain("2022-2023").contains("No earlier cohort has been imported for this survey yet");
		assertThat(json).doesNotContain("2022-2023").contains("\"cohorts\":[{\"cohort\":\"\",\"label\":null,\"own\":true,\"pairs\":null}]");
	}

	@Test
	void shouldRefuseASurveyWithoutPreAndPostWithAMessage() {
		for (String instrumentId : List.of("no-such-survey", "mentor-post")) {
			HttpResponse<String> page = this.staff.get(tool("/course/surveys/cohorts?instrument=" + instrumentId));
			assertThat(page.statusCode()).isEqualTo(400);
			assertThat(page.body()).contains("There is no such survey with pre and post waves").contains("<select id=\"instrument\"");
			for (String export : List.of("/course/surveys/cohorts.json", "/course/surveys/cohorts.csv")) {
				HttpResponse<String> refused = this.staff.get(tool(export + "?instrument=" + instrumentId));
				assertThat(refused.statusCode()).isEqualTo(400);
				assertThat(refused.body()).startsWith("There is no such survey with pre and post waves");
			}
		}
	}

	@Test
	void shouldRefuseABadCohortLabelWithAMessageAndKeepTheOldOne() {
		assertThat(this.staff.post(tool("/course/surveys/cohorts/label"), Map.of("label", "2024-2025")).statusCode())
			.isEqualTo(302);
		Map<String, String> refused = Map.of("2025/2026", "may hold only letters, digits, spaces", "<b>2025</b>",
				"may hold only letters, digits, spaces", "   ", "Give the cohort a label",
				"x".repeat(33), "at most 32 characters");
		refused.forEach((label, message) -> {
			HttpResponse<String> page = this.staff.post(tool("/course/surveys/cohorts/label"), Map.of("label", label));
			assertThat(page.statusCode()).isEqualTo(400);
			assertThat(page.body()).contains("Nothing was saved:").contains(message);
			assertThat(ownLabel()).contains("2024-2025");
		});
		assertThat(this.staff.get(tool("/course/surveys")).body()).contains("value=\"2024-2025\"");
		assertThat(this.staff.post(tool("/course/surveys/cohorts/label"), Map.of("label", "Cohort 7_b.2")).statusCode())
			.isEqualTo(302);
		assertThat(ownLabel()).contains("Cohort 7_b.2");
	}

	@Test
	void shouldRefuseTheLabelOfAnImportedCohortForTheCoursesOwn() {
		seed("2021-2022", 5, r -> 2, r -> 3);
		HttpResponse<String> page = this.staff.post(tool("/course/surveys/cohorts/label"), Map.of("label", "2021-2022"));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Nothing was saved:").contains("already has this label");
		assertThat(ownLabel()).isNotEqualTo(java.util.Optional.of("2021-2022"));
	}

	private void assertSameGains(JsonNode measures, List<ComparisonRow> expected, int cohort) {
		assertThat(measures.size()).isEqualTo(expected.size());
		for (int m = 0; m < expected.size(); m++) {
			JsonNode measure = measures.get(m);
			ComparisonRow row = expected.get(m);
			assertThat(measure.get("key").asString()).isEqualTo(row.key());
			JsonNode gain = measure.get("gains").get(cohort);
			assertThat(gain.get("suppressed").asBoolean()).isEqualTo(row.suppressed()).isFalse();
			assertThat(gain.get("n").asInt()).isEqualTo(row.figures().n());
			assertThat(gain.get("gain").asDouble()).isEqualTo(row.figures().difference());
			assertThat(gain.get("ciLow").asDouble()).isEqualTo(row.figures().ciLow());
			assertThat(gain.get("ciHigh").asDouble()).isEqualTo(row.figures().ciHigh());
			assertThat(gain.get("dz").asDouble()).isEqualTo(row.figures().dz());
			assertThat(gain.get("p").asDouble()).isEqualTo(row.figures().p());
		}
	}

	/** {@code n} respondents of a cohort, each with the same answer to every scale item in a wave. */
	private void seed(String cohort, int n, IntUnaryOperator pre, IntUnaryOperator post) {
		List<CohortWriter.Submitted> responses = new ArrayList<>();
		for (int r = 0; r < n; r++) {
			Map<String, String> first = new LinkedHashMap<>();
			Map<String, String> second = new LinkedHashMap<>();
			int before = pre.applyAsInt(r);
			int after = post.applyAsInt(r);
			this.instrument.items().stream().filter(i -> i.type() == ItemType.SCALE).forEach(item -> {
				first.put(item.id(), String.valueOf(before));
				second.put(item.id(), String.valueOf(after));
			});
			byte[] key = this.pseudonyms.ofExternal(course(), cohort + "-" + r);
			responses.add(new CohortWriter.Submitted(key, this.instrument.id(), Wave.PRE, first));
			responses.add(new CohortWriter.Submitted(key, this.instrument.id(), Wave.POST, second));
		}
		this.writer.write(course(), cohort, "IMPORT", this.curriculum.contentHash(), responses);
	}

	private java.util.Optional<String> ownLabel() {
		return this.jdbc.sql("SELECT label FROM assessment_cohort_label WHERE course_id = ?").param(course().value())
			.query(String.class).optional();
	}

	private CourseId course() {
		return new CourseId(this.jdbc.sql("SELECT id FROM course WHERE context_id = ?").param(this.contextId)
			.query(Long.class).single());
	}

	private String tool(String path) {
		return this.launcher.tool(path);
	}

}
