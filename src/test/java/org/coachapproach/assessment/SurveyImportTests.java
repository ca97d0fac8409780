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

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.AccessSessions;
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

/** Importing an earlier cohort from a Qualtrics-layout CSV: upload, column mapping, all-or-nothing import. */
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

		HttpResponse<String> done = this.staff.post(tool("/course/surveys/import/confirm"), confirm(GOOD));

		assertThat(done.statusCode()).isEqualTo(200);
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

		assertThat(this.staff.post(tool("/course/surveys/import/confirm"), confirm(GOOD)).statusCode()).isEqualTo(200);
		HttpResponse<String> again = this.staff.post(tool("/course/surveys/import/confirm"), confirm(GOOD));
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("Row 4: respondent p-001 already has a post response in this course.");
		assertThat(rows()).isEqualTo(3);
	}

	/** A cohort's export over the servlet defaults (1 MB file, 2 MB form): about 3 MB, both steps. */
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

		HttpResponse<String> done = this.staff.post(tool("/course/surveys/import/confirm"), confirm(csv.toString()));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(rows()).isEqualTo(respondents);
	}

	@Test
	void shouldLetOnlyStaffImport() {
		Browser instructor = this.launcher.launch("instructor-" + UUID.randomUUID(), "Ira Instructor", SurveyLaunch.INSTRUCTOR, null);

		assertThat(instructor.get(tool("/course/surveys/import")).statusCode()).isEqualTo(403);
		assertThat(instructor.post(tool("/course/surveys/import/confirm"), confirm(GOOD)).statusCode()).isEqualTo(403);
		assertThat(rows()).isZero();
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
		String boundary = "----assess" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		for (Map.Entry<String, String> field : Map.of("instrument", instrument, "wave", wave).entrySet()) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(field.getKey())
				.append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
		}
		body.append("--").append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.csv\"\r\nContent-Type: text/csv\r\n\r\n")
			.append(csv).append("\r\n--").append(boundary).append("--\r\n");
		String cookie = this.staff.cookie("localhost", AccessSessions.COOKIE);
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tool("/course/surveys/import")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", AccessSessions.COOKIE + "=" + cookie)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
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


}
