package org.coachapproach.outreach;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faculty list import, uploaded by staff as a file: every bad row named by its line, and a
 * file with any bad row imports nothing (the previous list stays whole).
 */
@MailTest
class FacultyImportTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	org.coachapproach.people.People people;

	@Autowired
	Registrations registrations;

	@Autowired
	FacultyList faculty;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@Test
	void shouldImportAValidFileReplacingTheList() throws Exception {
		Browser staff = new Launches(platform, this.registrations, this.port).staff();
		String csv = """
				name,email,division,rank\r
				"Osei, Kevin",kevin.osei@example.edu,General Internal Medicine,Associate\r
				Linda Nakamura,LINDA.NAKAMURA@example.edu,Hospital Medicine,full\r
				Maria Delgado,maria.delgado@example.edu,"Nephrology, Dialysis",assistant\r
				""";

		HttpResponse<String> page = upload(staff, csv);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("3 faculty imported; the list was replaced.")
			.contains("3 clinical faculty on the list.");
		assertThat(this.faculty.all(program())).extracting(FacultyList.Faculty::name)
			.containsExactly("Linda Nakamura", "Maria Delgado", "Osei, Kevin");
		assertThat(this.faculty.all(program())).extracting(FacultyList.Faculty::division).contains("Nephrology, Dialysis");
	}

	@Test
	void shouldNameEveryBadLineAndImportNothing() throws Exception {
		this.faculty.importCsv(program(), new StringReader("name,email,division,rank\nKeep Me,keep@example.edu,Cardiology,full\n"));
		Browser staff = new Launches(platform, this.registrations, this.port).staff();
		String csv = """
				name,email,division,rank
				Good Row,good@example.edu,Cardiology,assistant
				No Email,,Cardiology,assistant
				Bad Email,not-an-email,Cardiology,associate
				Bad Rank,rank@example.edu,Cardiology,emeritus
				Twice,good@example.edu,Cardiology,full
				Short Row,short@example.edu
				""";

		HttpResponse<String> page = upload(staff, csv);

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Nothing was imported.")
			.contains("Line 3: &#39;&#39; is not a valid email address")
			.contains("Line 4: &#39;not-an-email&#39; is not a valid email address")
			.contains("Line 5: rank &#39;emeritus&#39; is not one of: assistant, associate, full")
			.contains("Line 6: &#39;good@example.edu&#39; is already on line 2")
			.contains("Line 7: expected 4 fields (name, email, division, rank), found 2")
			.doesNotContain("Line 2:");
		assertThat(this.faculty.all(program())).extracting(FacultyList.Faculty::email).containsExactly("keep@example.edu");
	}

	@Test
	void shouldRefuseAFileOverTheUploadLimitWithAMessageAndKeepTheList() throws Exception {
		Browser staff = new Launches(platform, this.registrations, this.port).staff();
		this.faculty.importCsv(program(), new StringReader("name,email,division,rank\nKeep Me,keep@example.edu,Cardiology,full\n"));
		String row = "Someone Else,someone@example.edu,Cardiology,full\n";
		String huge = "name,email,division,rank\n" + row.repeat(11 * 1024 * 1024 / row.length());

		HttpResponse<String> page = upload(staff, huge);

		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(page.body()).contains("The file is too large")
			.contains("larger than Coach Approach accepts (10 MB), so nothing was imported");
		assertThat(this.faculty.all(program())).extracting(FacultyList.Faculty::email).containsExactly("keep@example.edu");
	}

	@Test
	void shouldRefuseAFileWithoutTheHeader() throws Exception {
		FacultyList.ImportResult result = this.faculty
			.importCsv(program(), new StringReader("Kevin Osei,kevin@example.edu,Medicine,full\n"));
		assertThat(result.succeeded()).isFalse();
		assertThat(result.problems()).singleElement()
			.satisfies(p -> {
				assertThat(p.line()).isEqualTo(1);
				assertThat(p.code()).isEqualTo("header");
				assertThat(p.args()).containsExactly("Kevin Osei,kevin@example.edu,Medicine,full");
			});
	}

	@Test
	void shouldNameTheFileLineOfARowAfterAQuotedLineBreak() throws Exception {
		FacultyList.ImportResult result = this.faculty.importCsv(program(), new StringReader(
				"name,email,division,rank\r\n\"Osei,\r\nKevin\",kevin@example.edu,Medicine,full\r\nBad,bad,Medicine,full\r\n"));

		assertThat(result.problems()).extracting(p -> p.line() + " " + p.code()).containsExactly("4 email");
	}

	@Test
	void shouldRefuseAQuotedFieldThatIsNeverClosedWithItsLine() throws Exception {
		this.faculty.importCsv(program(), new StringReader("name,email,division,rank\nKeep Me,keep@example.edu,Cardiology,full\n"));

		FacultyList.ImportResult result = this.faculty.importCsv(program(), new StringReader(
				"name,email,division,rank\nAda,ada@example.edu,Cardiology,full\n\"Osei, Kevin,kevin@example.edu,Medicine,full\n"));

		assertThat(result.problems()).extracting(p -> p.line() + " " + p.code()).containsExactly("3 unclosedQuote");
		assertThat(this.faculty.all(program())).extracting(FacultyList.Faculty::email).containsExactly("keep@example.edu");
	}

	private HttpResponse<String> upload(Browser staff, String csv) throws Exception {
		// A multipart form, as the browser sends the file input, with the browser's session cookie.
		String token = staff.cookie("localhost", org.coachapproach.people.AccessSessions.COOKIE);
		String boundary = "----form" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"faculty.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
				"http://localhost:" + this.port + "/outreach/faculty"))
			.header("Cookie", org.coachapproach.people.AccessSessions.COOKIE + "=" + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Sec-Fetch-Site", "same-origin")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The test platform's program: everything program-wide here is its. */
	org.coachapproach.people.ProgramId program() {
		return this.people.program(platform.issuer(), TestPlatform.CLIENT_ID);
	}

}
