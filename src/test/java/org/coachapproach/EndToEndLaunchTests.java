package org.coachapproach;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachapproach.demoplatform.DemoPlatform;
import org.coachapproach.demoplatform.RegistrationState;
import org.coachapproach.lti.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path a newcomer clicks through, over real HTTP between two sites: the demo
 * platform registers the tool (Dynamic Registration), then each demo person launches: course
 * page, OIDC login at the tool, authorization at the platform, signed id_token posted back,
 * the tool's first page. Scripts are not run; where the pages' scripts would act, the test
 * does what they do.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EndToEndLaunchTests {

	private static final Pattern TOOL_FRAME = Pattern.compile("id=\"tool-frame\"[^>]*src=\"([^\"]+)\"");

	@Autowired
	DemoPlatform platform;

	@BeforeEach
	void registered() {
		assertThat(this.platform.awaitRegistration(Duration.ofSeconds(30))).isEqualTo(RegistrationState.REGISTERED);
	}

	@Test
	void shouldLaunchAsEachDemoPersonWithCookies() {
		assertLaunch("mentor", "Mentor", "Learner");
		assertLaunch("mentee", "Mentee", "Learner");
		assertLaunch("instructor", null, "Instructor");
		assertLaunch("staff", "Program staff", "Administrator");
	}

	@Test
	void shouldLaunchThroughPlatformStorageWhenCookiesAreBlocked() {
		Browser browser = new Browser().blockCookies();
		String login = toolFrame(browser, "mentor");
		assertThat(login).contains("lti_storage_target=post_message_forwarding");

		HttpResponse<String> storagePage = browser.get(login);
		assertThat(storagePage.statusCode()).isEqualTo(200);
		// The script stores the state in the platform's frame, then goes to the platform:
		HttpResponse<String> autopost = browser.get(attribute(storagePage.body(), "data-authorize"));
		HttpResponse<String> parked = browser.submitForm(autopost);
		assertThat(parked.statusCode()).isEqualTo(200);
		assertThat(parked.body()).contains("data-step=\"launch\"");
		// The script read the state back from the platform's frame and confirms:
		HttpResponse<String> home = browser.follow(browser.submitForm(parked));

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Welcome,");
	}

	private void assertLaunch(String person, String programRole, String courseRole) {
		Browser browser = new Browser();
		// A platform without Platform Storage (like Canvas's mobile apps): the cookie path.
		String login = toolFrame(browser, person).replace("&lti_storage_target=post_message_forwarding", "");

		HttpResponse<String> toPlatform = browser.get(login);
		assertThat(toPlatform.statusCode()).isEqualTo(302);
		assertThat(toPlatform.headers().firstValue("Location").orElseThrow()).startsWith(this.platform.issuer() + "/demo/authorize");
		HttpResponse<String> autopost = browser.follow(toPlatform);
		assertThat(autopost.statusCode()).isEqualTo(200);
		HttpResponse<String> launched = browser.submitForm(autopost);
		assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
		HttpResponse<String> home = browser.follow(launched);

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Welcome,").contains(courseRole);
		if (programRole != null) {
			assertThat(home.body()).contains(programRole);
		}
		assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains(this.platform.issuer());
	}

	private String toolFrame(Browser browser, String person) {
		HttpResponse<String> course = browser.get(this.platform.launchUrl(person).toString());
		assertThat(course.statusCode()).isEqualTo(200);
		Matcher frame = TOOL_FRAME.matcher(course.body());
		assertThat(frame.find()).as("tool iframe on the course page").isTrue();
		return frame.group(1).replace("&amp;", "&");
	}

	private static String attribute(String html, String name) {
		Matcher m = Pattern.compile(name + "=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).isTrue();
		return m.group(1).replace("&amp;", "&");
	}

}
