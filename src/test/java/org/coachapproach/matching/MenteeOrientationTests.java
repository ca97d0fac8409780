package org.coachapproach.matching;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The mentees' orientation over real HTTP: shown to mentees and staff, linked from their home page. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coachapproach.lti.jwks-min-refetch=PT0S")
class MenteeOrientationTests {

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	ProgramLaunch launcher;

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
		this.launcher = new ProgramLaunch(platform, this.port, this.registrations, "orientation-" + UUID.randomUUID());
	}

	@Test
	void shouldShowTheOrientationToAMenteeLinkedFromTheirHomePage() {
		Browser mentee = this.launcher.mentee("mentee-" + UUID.randomUUID(), "Mia Mentee");

		assertThat(mentee.get(this.launcher.tool("/")).body()).contains("href=\"/matching/orientation\"");
		HttpResponse<String> page = mentee.get(this.launcher.tool("/matching/orientation"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Welcome to coach-approach mentoring: an orientation for mentees")
			.contains("<h2>What a coach-approach mentoring relationship is</h2>", "<h2>What to bring to each meeting</h2>",
					"<h2>How to use the meeting log</h2>")
			.contains("href=\"/matching/meetings\"")
			.contains("<mark class=\"placeholder\">[[INSTITUTION: program staff contact for matching]]</mark>");
	}

	@Test
	void shouldShowTheOrientationToStaff() {
		Browser staff = this.launcher.staff("staff-" + UUID.randomUUID(), "Sol Staff");

		assertThat(staff.get(this.launcher.tool("/matching/orientation")).statusCode()).isEqualTo(200);
		assertThat(staff.get(this.launcher.tool("/")).body()).contains("href=\"/matching/orientation\"");
	}

	@Test
	void shouldRefuseTheOrientationToMentorsAndNotLinkIt() {
		Browser mentor = this.launcher.mentor("mentor-" + UUID.randomUUID(), "Max Mentor");

		HttpResponse<String> page = mentor.get(this.launcher.tool("/matching/orientation"));

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("The mentee orientation is for mentees").doesNotContain("What to bring");
		assertThat(mentor.get(this.launcher.tool("/")).body()).doesNotContain("/matching/orientation");
	}

}
