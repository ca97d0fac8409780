package org.coachapproach.series;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff attendance page over real HTTP, signed in by a real LTI launch: the figures (with
 * the synthetic demo record the demo platform loads), chart and tables, exports, the import
 * form and its bad-row report, and refusal of everyone but staff.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AttendancePageTests {

	/** Program staff: an administrator of the institution, not of a course. */
	static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

	static final String COURSE_ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator";

	static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void register() {
		platform.registerWith(this.registrations);
	}

	@Test
	void shouldShowStaffTheFiguresChartAndTables() {
		Browser staff = launch(List.of(ADMINISTRATOR), null);

		HttpResponse<String> page = staff.get(tool("/series/attendance"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("SYNTHETIC demo data")
			.contains("<caption>Attendance figures for the 2022-2023 series</caption>")
			.contains("<th scope=\"row\">Sessions held (with attendance recorded)</th>")
			.contains("39 of 39")
			.contains("<svg").contains("role=\"img\"").contains("aria-labelledby=\"chart-title\"")
			.contains("Attendees per session, 2022-2023 (the data of the chart)")
			.contains("<label for=\"import-file\">")
			.contains("The 10 best attended sessions, most attended first");
		assertThat(page.body().split("<rect class=\"bar\"", -1)).hasSize(40);
	}

	@Test
	void shouldExportCsvAndJson() throws Exception {
		Browser staff = launch(List.of(ADMINISTRATOR), null);

		HttpResponse<String> csv = staff.get(tool("/series/attendance.csv"));
		HttpResponse<String> json = staff.get(tool("/series/attendance.json"));

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(40);
		assertThat(lines[0]).isEqualTo("\uFEFFDate,Session id,Session,Attendees");
		assertThat(lines[2]).startsWith("2022-09-13,cfds-2022-09-13,Time management and organisation skills,");
		JsonNode body = JsonMapper.builder().build().readTree(json.body());
		assertThat(body.get("academicYear").asString()).isEqualTo("2022-2023");
		assertThat(body.get("sessions")).hasSize(39);
		assertThat(body.get("sessionsHeld").asInt()).isEqualTo(39);
		assertThat(body.get("synthetic").asBoolean()).isTrue();
		int sum = 0;
		for (JsonNode s : body.get("sessions")) {
			sum += s.get("attendees").asInt();
		}
		assertThat(body.get("attendances").asInt()).isEqualTo(sum);
		assertThat(body.get("meanPerSession").asDouble()).isEqualTo(sum / 39.0);
		assertThat(body.get("topSessions")).hasSize(10);
	}

	@Test
	void shouldReportEveryBadRowOfAnUploadAndImportNothing() {
		Browser staff = launch(List.of(ADMINISTRATOR), null);
		long before = count("cfds-2022-09-13");

		HttpResponse<String> refused = upload(staff, "cfds-2022-09-13", "zoom-bad-rows.csv");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Nothing was imported: 6 problems to fix in the file first.")
			.contains("Line 3: join time &quot;13/09/2022 12:00:00&quot; is not a date and time")
			.contains("Line 4: has neither a name nor an email")
			.contains("Line 9: has 7 fields where the header has 6");
		assertThat(count("cfds-2022-09-13")).isEqualTo(before);
	}

	@Test
	void shouldImportAnUploadedTeamsReport() {
		Browser staff = launch(List.of(ADMINISTRATOR), null);

		HttpResponse<String> imported = upload(staff, "cfds-2023-01-24", "teams-attendance-2023-01-24.csv");

		assertThat(imported.statusCode()).isEqualTo(200);
		assertThat(imported.body()).contains("Imported 2 attendees (2 new) from the Teams report for &quot;Letters of support");
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM series_attendance WHERE series_session_id = 'cfds-2023-01-24' AND synthetic = FALSE""")
			.query(Long.class).single()).isEqualTo(2);
	}

	/** A session staff scheduled in the tool (not in the curriculum's files) takes a report too. */
	@Test
	void shouldImportAReportForASessionScheduledInTheTool() {
		Browser staff = launch(List.of(ADMINISTRATOR), null);
		String title = "Scheduled here " + UUID.randomUUID();
		java.time.ZonedDateTime start = java.time.ZonedDateTime.now(java.time.ZoneId.of("America/Chicago")).plusDays(20)
			.withHour(12).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		assertThat(staff.post(tool("/series/schedule"), SeriesScheduleTests.form(start, title, false)).statusCode())
			.isEqualTo(302);
		String id = this.jdbc.sql("SELECT session_id FROM series_schedule WHERE title = ?").param(title)
			.query(String.class).single();

		HttpResponse<String> checked = upload(staff, id, "teams-attendance-2023-01-24.csv");

		// The session is known (it was "Choose a session of the series."): the report is checked
		// against its own date, and this one, from another day, is refused as such.
		assertThat(checked.body()).doesNotContain("Choose a session of the series.")
			.contains("joined on 2023-01-24 but the session was on " + start.toLocalDate());
		assertThat(count(id)).isZero();
	}

	@Test
	void shouldRefuseEveryoneButStaff() {
		Browser mentor = launch(List.of(LEARNER), "mentor");
		Browser instructor = launch(List.of(INSTRUCTOR), null);
		long before = count("cfds-2022-09-13");

		for (Browser browser : List.of(mentor, instructor)) {
			for (String path : List.of("/series/attendance", "/series/attendance.csv", "/series/attendance.json")) {
				HttpResponse<String> page = browser.get(tool(path));
				assertThat(page.statusCode()).as(path).isEqualTo(403);
				assertThat(page.body()).as(path).contains("for program staff only").doesNotContain("Unique attendees");
			}
			assertThat(upload(browser, "cfds-2022-09-13", "zoom-participants.csv").statusCode()).isEqualTo(403);
		}
		assertThat(count("cfds-2022-09-13")).isEqualTo(before);
		assertThat(new Browser().get(tool("/series/attendance")).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldRefuseCourseStaffWhoAreNotProgramStaff() {
		// Any course's instructor or administrator can be course staff; attendance is the program's.
		assertThat(launch(List.of(INSTRUCTOR), "staff").get(tool("/series/attendance")).statusCode()).isEqualTo(403);
		assertThat(launch(List.of(COURSE_ADMINISTRATOR), null).get(tool("/series/attendance")).statusCode())
			.isEqualTo(403);
	}

	private Browser launch(List<String> roles, String programRole) {
		return platform.signIn(tool(""), "attendance-" + UUID.randomUUID(), claims -> claims
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles", roles)
			.claim("https://purl.imsglobal.org/spec/lti/claim/custom",
					programRole == null ? Map.of() : Map.of("program_role", programRole)));
	}

	private long count(String session) {
		return this.jdbc.sql("SELECT COUNT(*) FROM series_attendance WHERE series_session_id = ?").param(session)
			.query(Long.class).single();
	}

	/** The import form's multipart POST, with the headers a browser adds on the tool's own page. */
	private HttpResponse<String> upload(Browser browser, String session, String fixture) {
		String boundary = "----attendance" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"session\"\r\n\r\n" + session + "\r\n");
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fixture
				+ "\"\r\nContent-Type: text/csv\r\n\r\n");
		body.writeBytes(AttendanceFixtures.bytes(fixture));
		write(body, "\r\n--" + boundary + "--\r\n");
		HttpRequest request = HttpRequest.newBuilder(URI.create(tool("/series/attendance/import")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", AccessSessions.COOKIE + "=" + browser.cookie("localhost", AccessSessions.COOKIE))
			.header("Origin", tool(""))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
