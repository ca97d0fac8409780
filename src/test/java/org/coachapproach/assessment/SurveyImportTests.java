package org.coachapproach.assessment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachapproach.DelimitedTable;
import org.coachapproach.assessment.analysis.RFixtures;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.AccessSessions;
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
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing an earlier cohort from a Qualtrics export (CSV or TSV): upload, column mapping,
 * preview, then an all-or-nothing import as a job with a progress page; and its figures against R.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class SurveyImportTests {

	/** Qualtrics' layout: ids, question texts, import ids, then responses; a scale answered by label in one row. */
	static final String GOOD = """
			StartDate,ResponseId,ExternalReference,Q1,Q2,Q3,Q4
			Start Date,Response ID,External Data Reference,How helpful were the coach-approach strategies taught in the program?,How likely are you to use a coach approach when mentoring junior faculty?,How often have you met with your mentee this year?,What would you like to tell us about the program?
			"{""ImportId"":""startDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""externalDataReference""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3""}","{""ImportId"":""QID4""}"
			2023-06-01,R_1,p-001,5,4,Once,"Loved it, really"
			2023-06-01,R_2,p-002,Very helpful,5,A few times,
			2023-06-02,R_3,p-003,4,3,Not yet,
			""";

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

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
		this.contextId = "import-" + UUID.randomUUID();
		this.launcher = new SurveyLaunch(platform, this.port, this.registrations, this.contextId);
		this.staff = this.launcher.launch("staff-" + UUID.randomUUID(), "Sam Staff", SurveyLaunch.ADMINISTRATOR, "staff");
	}

	@Test
	void shouldSuggestAMappingFromQualtricsHeadersAndImportEveryRow() throws Exception {
		HttpResponse<String> mapping = upload("mentor-post", "post", GOOD);

		assertThat(mapping.statusCode()).isEqualTo(200);
		assertThat(mapping.body()).contains("The file holds 3 responses.")
			.containsPattern("<option value=\"2\" selected=\"selected\">ExternalReference</option>")
			.containsPattern("name=\"map.strategies-helpful\">\\s*<option value=\"\">Not in the file</option>[\\s\\S]*?<option value=\"3\" selected=\"selected\">");

		HttpResponse<String> done = importAndWait(confirm(GOOD));

		assertThat(done.body()).contains("3 responses imported into Mentor feedback on the training, Post wave.");
		assertThat(this.jdbc.sql("SELECT answers FROM assessment_response WHERE course_id = ? AND origin = 'IMPORT' ORDER BY answers")
			.param(courseId()).query(String.class).list())
			.containsExactly("strategies-helpful=4;likely-to-use=3;meeting-frequency=not-yet",
					"strategies-helpful=5;likely-to-use=4;meeting-frequency=once;comments=Loved+it%2C+really",
					"strategies-helpful=5;likely-to-use=5;meeting-frequency=a-few-times");
	}

	@Test
	void shouldImportNothingAndNameEveryBadRow() {
		String bad = GOOD + """
				2023-06-03,R_4,p-004,7,4,Once,
				2023-06-03,R_5,,5,4,Once,
				2023-06-03,R_6,p-001,5,,Twice,
				""";

		HttpResponse<String> refused = this.staff.post(tool("/course/surveys/import/confirm"), confirm(bad));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Nothing was imported")
			.contains("Row 7: &quot;7&quot; is not a point on the scale of &quot;How helpful were the coach-approach strategies taught in the program?&quot;.")
			.contains("Row 8: no respondent code.")
			.contains("Row 9: respondent code p-001 is also on row 4.");
		assertThat(rows()).isZero();
		assertThat(jobs()).isZero();

		importAndWait(confirm(GOOD));
		HttpResponse<String> again = this.staff.post(tool("/course/surveys/import/confirm"), confirm(GOOD));
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("Row 4: respondent p-001 already has a post response in this cohort of the course.");
		assertThat(rows()).isEqualTo(3);
	}

	/** A blank cell is a missing answer, even to a required question; a present but invalid cell still refuses the file. */
	@Test
	void shouldStoreBlankCellsAsMissingAnswersAndRefuseOnlyBadCells() {
		String blanks = GOOD + """
				2023-06-03,R_4,p-004,,,,
				2023-06-03,R_5,p-005,Somewhat helpful,,Once,
				""";

		HttpResponse<String> preview = this.staff.post(tool("/course/surveys/import/preview"), confirm(blanks));

		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("Rows in the file: 5").contains("Respondents: 5")
			.contains("Paired across waves (the same code already has the other wave in this cohort): 0")
			.containsPattern("How helpful were the coach-approach strategies taught in the program\\?</th>\\s*<td>1</td>")
			.containsPattern("How likely are you to use a coach approach when mentoring junior faculty\\?</th>\\s*<td>2</td>")
			.containsPattern("What would you like to tell us about the program\\?</th>\\s*<td>4</td>");
		assertThat(rows()).isZero();

		importAndWait(formOf(preview.body()));
		assertThat(answers()).containsExactlyInAnyOrder("strategies-helpful=5;likely-to-use=4;meeting-frequency=once;comments=Loved+it%2C+really",
				"strategies-helpful=5;likely-to-use=5;meeting-frequency=a-few-times",
				"strategies-helpful=4;likely-to-use=3;meeting-frequency=not-yet", "",
				"strategies-helpful=4;meeting-frequency=once");

		Map<String, String> bad = confirm(GOOD.replace("p-003,4,3,Not yet", "p-003,4,3,Never").replace("p-00", "q-00"));
		HttpResponse<String> refused = this.staff.post(tool("/course/surveys/import/preview"), bad);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Row 6: &quot;Never&quot; is not an answer to &quot;How often have you met with your mentee this year?&quot;. Accepted: ");
		assertThat(rows()).isEqualTo(5);
	}

	@Test
	void shouldRecordUnmappedItemsAsNotAskedInThatCohort() {
		Map<String, String> form = confirm(GOOD);
		form.remove("map.likely-to-use");
		form.remove("map.comments");

		HttpResponse<String> preview = this.staff.post(tool("/course/surveys/import/preview"), form);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(list(preview.body(), "preview-not-asked"))
			.contains("<li>How likely are you to use a coach approach when mentoring junior faculty?</li>",
					"<li>What would you like to tell us about the program?</li>")
			.doesNotContain("How helpful were", "How often have you met");

		HttpResponse<String> done = importAndWait(formOf(preview.body()));
		assertThat(list(done.body(), "not-asked"))
			.contains("<li>How likely are you to use a coach approach when mentoring junior faculty?</li>",
					"<li>What would you like to tell us about the program?</li>")
			.doesNotContain("How helpful were", "How often have you met");
		assertThat(this.jdbc.sql("SELECT not_asked FROM assessment_import_job WHERE course_id = ?").param(courseId())
			.query(String.class).single()).isEqualTo("likely-to-use,approach-use-frequency,time-training-fair,time-meetings-fair,comments");
		assertThat(answers()).allSatisfy(a -> assertThat(a).doesNotContain("likely-to-use").doesNotContain("comments"));
	}

	@Test
	void shouldMatchChoiceTextIgnoringCaseAndSpacesAndNameAnUnknownLabel() {
		String spaced = GOOD.replace("p-002,Very helpful,5,A few times", "p-002,\"  VERY\u00A0 helpful \",5,a   few TIMES");

		importAndWait(confirm(spaced));
		assertThat(answers()).contains("strategies-helpful=5;likely-to-use=5;meeting-frequency=a-few-times");

		String unknown = GOOD.replace("p-002,Very helpful", "p-012,Extremely helpful").replace("p-001", "p-011").replace("p-003", "p-013");
		HttpResponse<String> refused = this.staff.post(tool("/course/surveys/import/confirm"), confirm(unknown));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Row 5: &quot;Extremely helpful&quot; is not an answer to &quot;How helpful were the coach-approach strategies taught in the program?&quot;. Accepted: 1 Very unhelpful; 2 Somewhat unhelpful; ");
		assertThat(rows()).isEqualTo(3);
	}

	/** Qualtrics' TSV download: UTF-16LE with a byte order mark; here with one header row. */
	@Test
	void shouldImportATsvInUtf16WithOneHeaderRow() throws Exception {
		String tsv = "ResponseId\tExternalReference\tstrategies-helpful\tlikely-to-use\tmeeting-frequency\n"
				+ "R_1\tt-1\tVery helpful\t4\tOnce\nR_2\tt-2\t3\t\tNot yet\n";
		byte[] utf16 = ("\uFEFF" + tsv).getBytes(StandardCharsets.UTF_16LE);

		HttpResponse<String> mapping = upload("mentor-post", "post", "export.tsv", utf16, "");

		assertThat(mapping.statusCode()).isEqualTo(200);
		assertThat(mapping.body()).contains("The file holds 2 responses.")
			.contains("<input type=\"hidden\" name=\"delimiter\" value=\"tab\">");
		HttpResponse<String> preview = this.staff.post(tool("/course/surveys/import/preview"), formOf(mapping.body()));
		assertThat(preview.statusCode()).isEqualTo(200);
		importAndWait(formOf(preview.body()));
		assertThat(answers()).containsExactlyInAnyOrder("strategies-helpful=5;likely-to-use=4;meeting-frequency=once",
				"strategies-helpful=3;meeting-frequency=not-yet");
	}

	@Test
	void shouldRefuseAFileInAnotherEncoding() throws Exception {
		byte[] latin1 = GOOD.replace("Loved it", "Très bien").getBytes(StandardCharsets.ISO_8859_1);

		HttpResponse<String> refused = upload("mentor-post", "post", "export.csv", latin1, "");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("The file is neither UTF-8 text nor UTF-16 with a byte order mark");
		assertThat(rows()).isZero();
	}

	@Test
	void shouldRefuseAQuotedCellThatIsNeverClosedNamingItsLine() throws Exception {
		HttpResponse<String> refused = upload("mentor-post", "post",
				"ResponseId,ExternalReference,Q1\nR_1,c1,\"fine\"\nR_2,c2,\"never closed\nR_3,c3,4\n");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Row 3: a quoted cell that starts on this line is never closed.")
			.doesNotContain("name=\"map.");
		assertThat(jobs()).isZero();
	}

	/** The mapping step offers every column for every item: a row of a million commas would be a page of millions of choices. */
	@Test
	void shouldRefuseAFileWithMoreColumnsThanAnyExport() throws Exception {
		String wide = "ResponseId,ExternalReference" + ",x".repeat(5000) + "\nR_1,c1" + ",4".repeat(5000) + "\n";

		HttpResponse<String> refused = upload("mentor-post", "post", wide);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("The file&#39;s first row has 5002 columns; a survey&#39;s export has at most 1000.")
			.doesNotContain("name=\"map.");
		assertThat(jobs()).isZero();
	}

	@Test
	void shouldRefuseToImportAnEarlierCohortUnderTheCoursesOwnLabel() {
		assertThat(this.staff.post(tool("/course/surveys/cohorts/label"), Map.of("label", "2025-2026")).statusCode())
			.isEqualTo(302);
		Map<String, String> form = confirm(GOOD);
		form.put("cohort", "2025-2026");

		HttpResponse<String> refused = this.staff.post(tool("/course/surveys/import/preview"), form);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("is the label of this course&#39;s own cohort");
		assertThat(this.staff.post(tool("/course/surveys/import/confirm"), form).statusCode()).isEqualTo(400);
		assertThat(rows()).isZero();
		assertThat(jobs()).isZero();
	}

	@Test
	void shouldRefuseABadCohortLabel() throws Exception {
		HttpResponse<String> refused = upload("mentor-post", "post", "export.csv", GOOD.getBytes(StandardCharsets.UTF_8),
				"2022/23; drop");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("&quot;2022/23; drop&quot; is not one.");

		Map<String, String> form = confirm(GOOD);
		form.put("cohort", "x".repeat(33));
		assertThat(this.staff.post(tool("/course/surveys/import/confirm"), form).statusCode()).isEqualTo(400);
		assertThat(rows()).isZero();
		assertThat(jobs()).isZero();
	}

	/** The same codes may come back in another cohort; the duplicate check is per cohort. */
	@Test
	void shouldImportIntoAnEarlierCohortApartFromTheCoursesOwn() throws Exception {
		HttpResponse<String> mapping = upload("mentor-post", "post", "export.csv", GOOD.getBytes(StandardCharsets.UTF_8),
				" 2022-2023 ");
		assertThat(mapping.body()).contains("Into the earlier cohort 2022-2023.");
		HttpResponse<String> preview = this.staff.post(tool("/course/surveys/import/preview"), formOf(mapping.body()));
		HttpResponse<String> done = importAndWait(formOf(preview.body()));
		assertThat(done.body()).contains("Into the earlier cohort 2022-2023.");

		importAndWait(confirm(GOOD));

		assertThat(this.jdbc.sql("SELECT cohort, COUNT(*) FROM assessment_response WHERE course_id = ? GROUP BY cohort ORDER BY cohort")
			.param(courseId()).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
			.containsExactly("=3", "2022-2023=3");
		HttpResponse<String> again = this.staff.post(tool("/course/surveys/import/preview"), formOf(preview.body()));
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("already has a post response in this cohort");
	}

	@Test
	void shouldShowAnImportJobOnlyToStaffOfItsCourse() {
		HttpResponse<String> started = this.staff.post(tool("/course/surveys/import/confirm"), confirm(GOOD));
		assertThat(started.statusCode()).isEqualTo(303);
		String job = started.headers().firstValue("Location").orElseThrow();
		assertThat(job).matches(".*/course/surveys/import/jobs/\\d+");
		String path = job.substring(job.indexOf("/course/"));

		SurveyLaunch otherCourse = new SurveyLaunch(platform, this.port, this.registrations, "import-" + UUID.randomUUID());
		Browser otherStaff = otherCourse.launch("staff-" + UUID.randomUUID(), "Oli Other", SurveyLaunch.ADMINISTRATOR, "staff");
		HttpResponse<String> elsewhere = otherStaff.get(otherCourse.tool(path));
		assertThat(elsewhere.statusCode()).isEqualTo(404);
		assertThat(elsewhere.body()).doesNotContain("Mentor feedback").doesNotContain("imported");

		Browser instructor = this.launcher.launch("instructor-" + UUID.randomUUID(), "Ira Instructor", SurveyLaunch.INSTRUCTOR, null);
		assertThat(instructor.get(tool(path)).statusCode()).isEqualTo(403);
		assertThat(this.staff.follow(started).statusCode()).isEqualTo(200);
	}

	/**
	 * One import at a time per course: confirming again (or many times at once) while a job runs
	 * would hold every copy of the file in memory and queue jobs that show as interrupted while
	 * they wait; a job that died with its instance does not block.
	 */
	@Test
	void shouldStartNoSecondImportWhileOneRunsInTheCourse() {
		HttpResponse<String> first = this.staff.post(tool("/course/surveys/import/confirm"), confirm(GOOD));
		waitFor(first);
		long id = Long.parseLong(first.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		this.jdbc.sql("""
				INSERT INTO assessment_import_job (course_id, cohort, instrument_id, wave, rows_total, rows_done, status, not_asked,
				    started_by, started_at, updated_at)
				SELECT course_id, '2021-2022', instrument_id, wave, 1000, 500, 'RUNNING', '', started_by,
				    CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6)
				FROM assessment_import_job WHERE id = ?""").param(id).update();
		Map<String, String> form = confirm(GOOD);
		form.put("cohort", "2022-2023");

		HttpResponse<String> refused = this.staff.post(tool("/course/surveys/import/confirm"), form);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Another import into this course is still running");
		assertThat(jobs()).isEqualTo(2);
		assertThat(rows()).isEqualTo(3);

		this.jdbc.sql("UPDATE assessment_import_job SET updated_at = CURRENT_TIMESTAMP(6) - INTERVAL 4 MINUTE WHERE course_id = ? AND status = 'RUNNING'")
			.param(courseId()).update();
		importAndWait(form);
		assertThat(rows()).isEqualTo(6);
	}

	/** A job that stopped updating died with its instance: it shows as interrupted, not as running for ever. */
	@Test
	void shouldShowAJobNotUpdatedForMinutesAsInterrupted() {
		HttpResponse<String> started = this.staff.post(tool("/course/surveys/import/confirm"), confirm(GOOD));
		waitFor(started);
		long id = Long.parseLong(started.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
		this.jdbc.sql("""
				INSERT INTO assessment_import_job (course_id, cohort, instrument_id, wave, rows_total, rows_done, status, not_asked,
				    started_by, started_at, updated_at)
				SELECT course_id, cohort, instrument_id, wave, 1000, 500, 'RUNNING', '', started_by,
				    CURRENT_TIMESTAMP(6) - INTERVAL 10 MINUTE, CURRENT_TIMESTAMP(6) - INTERVAL 4 MINUTE
				FROM assessment_import_job WHERE id = ?""").param(id).update();
		long dead = this.jdbc.sql("SELECT MAX(id) FROM assessment_import_job WHERE course_id = ?").param(courseId())
			.query(Long.class).single();

		HttpResponse<String> page = this.staff.get(tool("/course/surveys/import/jobs/" + dead));

		assertThat(page.body()).contains("The import was interrupted").doesNotContain("<progress")
			.doesNotContain("http-equiv=\"refresh\"");
	}

	/** A cohort's export over the servlet defaults (1 MB file, 2 MB form): about 3 MB, every step. */
	@Test
	void shouldImportAFileOfSeveralMegabytes() throws Exception {
		StringBuilder csv = new StringBuilder(GOOD.lines().limit(3).map(l -> l + "\n").reduce("", String::concat));
		String comment = "\"" + "A long comment, with commas, about the program. ".repeat(4) + "\"";
		int respondents = 12_000;
		for (int i = 4; i < respondents + 4; i++) {
			csv.append("2023-06-01,R_").append(i).append(",c-").append(i).append(",Very helpful,5,Once,").append(comment)
				.append('\n');
		}
		assertThat(csv.length()).isGreaterThan(2_500_000);

		HttpResponse<String> mapping = upload("mentor-post", "post", csv.toString());
		assertThat(mapping.statusCode()).isEqualTo(200);
		assertThat(mapping.body()).contains("The file holds 12,000 responses.");
		HttpResponse<String> preview = this.staff.post(tool("/course/surveys/import/preview"), formOf(mapping.body()));
		assertThat(preview.body()).contains("Respondents: 12,000");

		HttpResponse<String> started = this.staff.post(tool("/course/surveys/import/confirm"), formOf(preview.body()));
		assertThat(started.statusCode()).isEqualTo(303);
		HttpResponse<String> progress = this.staff.follow(started);
		assertThat(progress.body()).satisfiesAnyOf(
				page -> assertThat(page).containsPattern("<progress id=\"import-progress\" max=\"12000\" value=\"\\d+\">\\d+%</progress>")
					.contains("<meta http-equiv=\"refresh\" content=\"2\">")
					.containsPattern("\\d+ of 12,000 responses written."),
				page -> assertThat(page).contains("12,000 responses imported"));
		assertThat(waitFor(started).body()).contains("12,000 responses imported");
		assertThat(rows()).isEqualTo(respondents);
	}

	@Test
	void shouldLetOnlyStaffImport() {
		Browser instructor = this.launcher.launch("instructor-" + UUID.randomUUID(), "Ira Instructor", SurveyLaunch.INSTRUCTOR, null);

		assertThat(instructor.get(tool("/course/surveys/import")).statusCode()).isEqualTo(403);
		assertThat(instructor.post(tool("/course/surveys/import/preview"), confirm(GOOD)).statusCode()).isEqualTo(403);
		assertThat(instructor.post(tool("/course/surveys/import/confirm"), confirm(GOOD)).statusCode()).isEqualTo(403);
		assertThat(rows()).isZero();
	}

	/**
	 * A realistic pair of Qualtrics exports with skipped answers, choice text, an item not asked
	 * in the post wave, the post file as UTF-16 TSV: imported through every step, the report's
	 * figures agree with R's (src/test/resources/analysis/import-missing/reference.R).
	 */
	@Test
	void shouldReportAnImportedPairWithMissingAnswersAsR() throws Exception {
		HttpResponse<String> pre = importExport("mentor-prepost-pre.csv", "pre");
		assertThat(pre.body()).contains("38 responses imported");
		HttpResponse<String> postMapping = upload("mentor-prepost", "post", "mentor-prepost-post.tsv",
				fixture("mentor-prepost-post.tsv"), "");
		HttpResponse<String> postPreview = this.staff.post(tool("/course/surveys/import/preview"), formOf(postMapping.body()));
		assertThat(postPreview.body()).contains("Respondents: 35")
			.contains("Paired across waves (the same code already has the other wave in this cohort): 32")
			.containsPattern("<ul id=\"preview-not-asked\"><li>To what extent does the department support your professional development\\?</li></ul>");
		HttpResponse<String> post = waitFor(this.staff.post(tool("/course/surveys/import/confirm"), formOf(postPreview.body())));
		assertThat(post.body()).contains("35 responses imported");

		JsonNode report = JsonMapper.builder().build()
			.readTree(this.staff.get(tool("/course/surveys/report.json?instrument=mentor-prepost")).body())
			.get("prePost");
		Map<String, JsonNode> rows = new LinkedHashMap<>();
		report.get("scales").forEach(r -> rows.put("scale:" + r.get("label").asString(), r));
		report.get("items").forEach(r -> rows.put("item:" + r.get("label").asString(), r));
		List<DelimitedTable.Row> expected = DelimitedTable.read(new String(fixture("expected-report.csv"), StandardCharsets.UTF_8), ',');
		List<String> header = expected.get(0).cells();
		assertThat(expected.size()).isEqualTo(1 + 6 + 36);
		for (int i = 1; i < expected.size(); i++) {
			Map<String, String> r = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				r.put(header.get(c), expected.get(i).cell(c));
			}
			String name = r.get("table") + ":" + r.get("label");
			JsonNode row = rows.get(name);
			assertThat(row).as(name).isNotNull();
			if (Integer.parseInt(r.get("n")) < 5) {
				assertThat(row.get("suppressed").asBoolean()).as(name).isTrue();
				continue;
			}
			JsonNode f = row.get("figures");
			assertThat(f.get("n").asInt()).as(name + " n").isEqualTo(Integer.parseInt(r.get("n")));
			String[][] measures = { { "firstMean", "pre_mean" }, { "firstSd", "pre_sd" }, { "secondMean", "post_mean" },
					{ "secondSd", "post_sd" }, { "difference", "mean_diff" }, { "ciLow", "ci_low" }, { "ciHigh", "ci_high" },
					{ "t", "t" }, { "df", "df" }, { "p", "p" }, { "dz", "dz" }, { "wilcoxonP", "wilcoxon_p" } };
			for (String[] m : measures) {
				JsonNode value = f.get(m[0]);
				RFixtures.assertR(name + " " + m[0], value == null || value.isNull() ? Double.NaN : value.asDouble(), r.get(m[1]));
			}
		}
		assertThat(rows.get("item:To what extent does the department support your professional development?").get("suppressed")
			.asBoolean()).isTrue();
		assertThat(this.staff.get(tool("/course/surveys/report?instrument=mentor-prepost")).body())
			.contains("<p id=\"scale-rule\" class=\"muted\">Scale scores: a respondent")
			.contains("the mean of the items they answered, when they answered at least half of the section");
	}

	private HttpResponse<String> importExport(String file, String wave) throws Exception {
		HttpResponse<String> mapping = upload("mentor-prepost", wave, file, fixture(file), "");
		assertThat(mapping.statusCode()).as(mapping.body()).isEqualTo(200);
		HttpResponse<String> preview = this.staff.post(tool("/course/surveys/import/preview"), formOf(mapping.body()));
		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		return importAndWait(formOf(preview.body()));
	}

	private static byte[] fixture(String name) throws Exception {
		try (var in = SurveyImportTests.class.getResourceAsStream("/analysis/import-missing/" + name)) {
			return in.readAllBytes();
		}
	}

	/** Confirms, follows the 303 to the job's page and waits until it stops refreshing. */
	private HttpResponse<String> importAndWait(Map<String, String> form) {
		HttpResponse<String> started = this.staff.post(tool("/course/surveys/import/confirm"), form);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
		HttpResponse<String> done = waitFor(started);
		assertThat(done.body()).contains("responses imported into");
		return done;
	}

	private HttpResponse<String> waitFor(HttpResponse<String> started) {
		long deadline = System.currentTimeMillis() + 120_000;
		HttpResponse<String> page = this.staff.follow(started);
		while (page.body().contains("http-equiv=\"refresh\"") && System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			page = this.staff.follow(started);
		}
		assertThat(page.statusCode()).isEqualTo(200);
		return page;
	}

	/** The fields a page's form would post: its hidden inputs and each select's selected option. */
	private static Map<String, String> formOf(String page) {
		Map<String, String> form = new LinkedHashMap<>();
		Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(page);
		while (input.find()) {
			form.put(HtmlUtils.htmlUnescape(input.group(1)), HtmlUtils.htmlUnescape(input.group(2)));
		}
		Matcher select = Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(page);
		while (select.find()) {
			Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected=\"selected\"").matcher(select.group(2));
			if (selected.find()) {
				form.put(HtmlUtils.htmlUnescape(select.group(1)), HtmlUtils.htmlUnescape(selected.group(1)));
			}
		}
		return form;
	}

	private List<String> answers() {
		return this.jdbc.sql("SELECT answers FROM assessment_response WHERE course_id = ? AND origin = 'IMPORT'")
			.param(courseId()).query(String.class).list();
	}

	private int jobs() {
		return this.jdbc.sql("SELECT COUNT(*) FROM assessment_import_job WHERE course_id = ?").param(courseId())
			.query(Integer.class).single();
	}

	private Map<String, String> confirm(String csv) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("instrument", "mentor-post");
		form.put("wave", "post");
		form.put("csv", csv);
		form.put("respondentColumn", "2");
		form.put("map.strategies-helpful", "3");
		form.put("map.likely-to-use", "4");
		form.put("map.meeting-frequency", "5");
		form.put("map.comments", "6");
		return form;
	}

	private HttpResponse<String> upload(String instrument, String wave, String csv) throws Exception {
		return upload(instrument, wave, "export.csv", csv.getBytes(StandardCharsets.UTF_8), "");
	}

	private HttpResponse<String> upload(String instrument, String wave, String fileName, byte[] file, String cohort)
			throws Exception {
		String boundary = "----assess" + UUID.randomUUID();
		StringBuilder fields = new StringBuilder();
		for (Map.Entry<String, String> field : Map.of("instrument", instrument, "wave", wave, "cohort", cohort).entrySet()) {
			fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field.getKey())
				.append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
		}
		fields.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(fields.toString().getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		String cookie = this.staff.cookie("localhost", AccessSessions.COOKIE);
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tool("/course/surveys/import")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", AccessSessions.COOKIE + "=" + cookie)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
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

	/** The items of the page's list with this id (the items not asked in that cohort). */
	private static String list(String page, String id) {
		java.util.regex.Matcher list = java.util.regex.Pattern.compile("<ul id=\"" + id + "\">(.*?)</ul>", java.util.regex.Pattern.DOTALL)
			.matcher(page);
		assertThat(list.find()).as("a list #" + id).isTrue();
		return list.group(1);
	}

}
