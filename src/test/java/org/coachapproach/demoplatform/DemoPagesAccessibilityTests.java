package org.coachapproach.demoplatform;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The demo platform's LTI Advantage pages in Debian's Chromium, checked by axe-core against
 * WCAG 2.1 A and AA: the course page with placed items and "Add content", the gradebook, and
 * the deep-linking return page (placed and refused). The tool's frame is left out: it is the
 * stub tool's, not a page of the platform's.
 */
class DemoPagesAccessibilityTests extends RegisteredStubTool {

	private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

	private static final String SKIP = "COACHAPPROACH_SKIP_BROWSER_TESTS";

	private ChromeDriver driver;

	private Path profile;

	@AfterEach
	void quit() {
		if (this.driver != null) {
			this.driver.quit();
		}
		if (this.profile != null) {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

	@Test
	void shouldMakeTheCourseItemsGradebookAndDeepLinkingPagesAccessible() throws Exception {
		assumeThat(System.getenv(SKIP)).as(SKIP + "=true: browser tests skipped").isNotEqualToIgnoringCase("true");
		assertThat(CHROMIUM).as("apt-get install chromium chromium-driver").isExecutable();
		assertThat(CHROMEDRIVER).as("apt-get install chromium chromium-driver").isExecutable();
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("type", "ltiResourceLink");
		item.put("title", "Session 4: Goals");
		item.put("url", tool.url() + "/lti/launch?item=session-4");
		item.put("lineItem", Map.of("scoreMaximum", 3));
		String placed = tool.sign(response(deepLinkingData(), UUID.randomUUID().toString(), List.of(item)).build());
		String refused = tool.sign(response("stale-data", UUID.randomUUID().toString(), List.of(item)).build());
		start();

		postInBrowser(this.issuer + "/demo/courses/coach-approach/deep_links", placed);
		assertThat(this.driver.findElement(By.id("added")).getText()).contains("One item");
		assertAccessible();
		postInBrowser(this.issuer + "/demo/courses/coach-approach/deep_links", refused);
		assertThat(this.driver.findElement(By.id("reason")).getAttribute("data-reason")).isEqualTo("data");
		assertAccessible();

		DemoCourseItem session = this.platform.courseItems().get(this.platform.courseItems().size() - 1);
		String token = accessToken(AGS + "score");
		assertThat(this.http.service("POST", session.lineItemUrl() + "/scores", token, null,
				"application/vnd.ims.lis.v1.score+json", """
						{"userId": "%s", "scoreGiven": 2, "scoreMaximum": 3, "activityProgress": "Completed",
						 "gradingProgress": "FullyGraded", "timestamp": "%s"}""".formatted(this.platform.subject("mentee"),
						Instant.now()))
			.statusCode()).isEqualTo(200);

		this.driver.get(this.platform.itemLaunchUrl("instructor", session.id()).toString());
		assertThat(this.driver.findElement(By.id("add-content")).isDisplayed()).isTrue();
		assertAccessible();
		this.driver.get(this.platform.gradebookUrl("staff").toString());
		assertThat(this.driver.findElement(By.id("gradebook")).getText()).contains("2 / 3");
		assertAccessible();
	}

	/** Posts the JWT field as the tool's auto-submitted form would, and waits for the answer. */
	private void postInBrowser(String url, String jwt) {
		this.driver.get("data:text/html;charset=utf-8," + URLEncoder.encode("""
				<!DOCTYPE html><html lang="en"><title>Tool</title><form method="post" action="%s">
				<input type="hidden" name="JWT" value="%s"></form><script>document.forms[0].submit()</script>
				</html>""".formatted(url, jwt), StandardCharsets.UTF_8).replace("+", "%20"));
		new WebDriverWait(this.driver, Duration.ofSeconds(20)).until(browser -> browser.getCurrentUrl().equals(url)
				&& !browser.findElements(By.id("main")).isEmpty());
	}

	private void assertAccessible() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.exclude("#tool-frame")
			.analyze(this.driver);
		assertThat(results.getViolations()).as(() -> this.driver.getCurrentUrl() + "\n" + results.getViolations()
			.stream()
			.map(v -> v.getId() + ": " + v.getHelp() + " at "
					+ v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
			.collect(Collectors.joining("\n"))).isEmpty();
	}

	private void start() throws IOException {
		this.profile = Files.createTempDirectory("coachapproach-demo-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

}
