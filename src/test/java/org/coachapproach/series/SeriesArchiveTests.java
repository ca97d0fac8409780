package org.coachapproach.series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.AccessSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CFDS archive over real HTTP, signed in by a real LTI launch from {@link TestPlatform}:
 * search, the recording page, watch progress and its one {@link RecordingWatched} event.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SeriesArchiveTests {

	private static final Pattern ROW = Pattern.compile("<tr>\\s*<td><time datetime=\"([0-9-]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
	ConfigurableApplicationContext context;

	Browser browser;

	String subject;

	final List<RecordingWatched> watched = new CopyOnWriteArrayList<>();

	private final ApplicationListener<ApplicationEvent> listener = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof RecordingWatched w) {
			this.watched.add(w);
		}
	};

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void signIn() {
		platform.registerWith(this.registrations);
		this.subject = "series-" + UUID.randomUUID();
		this.browser = platform.signIn(tool(""), this.subject, claims -> claims);
		this.context.addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		this.context.removeApplicationListener(this.listener);
	}

	@Test
	void shouldListEverySessionMostRecentFirstAndPageBy20() {
		HttpResponse<String> first = this.browser.get(tool("/series"));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("39 sessions match").contains("Page 1 of 2").contains("aria-live=\"polite\"")
			.contains("<label for=\"q\">");
		List<String> dates = dates(first.body());
		assertThat(dates).hasSize(20).first().isEqualTo("2023-06-27");
		assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		HttpResponse<String> second = this.browser.get(tool("/series?page=2"));
		assertThat(dates(second.body())).hasSize(19).last().isEqualTo("2022-09-06");
	}

	@Test
	void shouldSearchTitlePresenterAndSummaryIgnoringCase() {
		assertThat(dates(this.browser.get(tool("/series?q=BURNOUT")).body())).contains("2022-10-18");
		String byPresenter = this.browser.get(tool("/series?q=nakamura")).body();
		assertThat(byPresenter).contains("3 sessions match");
		String bySummary = this.browser.get(tool("/series?q=" + encode("one-minute preceptor microskills"))).body();
		assertThat(bySummary).contains("1 session matches").contains("The one-minute preceptor in a busy clinic");
		assertThat(this.browser.get(tool("/series?q=astrophysics")).body()).contains("No sessions match");
	}

	@Test
	void shouldFilterByCategoryAndDateRange() {
		String dei = this.browser.get(tool("/series?category=dei")).body();
		long deiCount = this.curriculum.series().stream()
			.filter(s -> s.category() == org.coachapproach.curriculum.SeriesCategory.DEI)
			.count();
		assertThat(dei).contains(deiCount + " sessions match").contains("Being a woman in medicine")
			.doesNotContain("Navigating promotion on the clinical track");

		List<String> autumn = dates(this.browser.get(tool("/series?from=2022-10-01&to=2022-10-31")).body());
		assertThat(autumn).containsExactly("2022-10-25", "2022-10-18", "2022-10-11", "2022-10-04");

		List<String> both = dates(this.browser.get(tool("/series?category=teaching&from=2023-01-01&to=2023-06-30")).body());
		assertThat(both).isNotEmpty().allSatisfy(d -> assertThat(d).startsWith("2023-"));
	}

	@Test
	void shouldShowAScriptInTheSearchAsText() {
		HttpResponse<String> page = this.browser.get(tool("/series?q=" + encode("<script>alert(1)</script>")));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("<script>alert(1)</script>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	@Test
	void shouldAnswer404ForAnUnknownSession() {
		assertThat(this.browser.get(tool("/series/cfds-1999-01-01")).statusCode()).isEqualTo(404);
		assertThat(this.browser.get(tool("/series/cfds-1999-01-01")).body()).contains("Page not found");
		assertThat(postForm("/series/cfds-1999-01-01/progress", "position=1&duration=10", Map.of()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void shouldWriteDatesInTheLaunchsLocaleOnAnEnglishPage() {
		Browser german = platform.signIn(tool(""), "series-" + UUID.randomUUID(),
				claims -> claims.claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation",
						Map.of("locale", "de-DE")));
		SeriesSession embedded = recording(SeriesSession.Player.EMBED);

		String page = german.get(tool("/series/" + embedded.id())).body();

		assertThat(page).contains("<html lang=\"en\"").contains(java.time.format.DateTimeFormatter
			.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(java.util.Locale.GERMANY).format(embedded.date()));
	}

	@Test
	void shouldShowThePlayerForEachKindOfRecording() {
		SeriesSession embedded = recording(SeriesSession.Player.EMBED);
		String page = this.browser.get(tool("/series/" + embedded.id())).body();
		assertThat(page).contains("<iframe src=\"" + embedded.recordingUrl().replace("&", "&amp;") + "\"")
			.contains("title=\"Recording: " + embedded.title() + "\"")
			.contains("Mark as watched");

		SeriesSession video = recording(SeriesSession.Player.VIDEO);
		String videoPage = this.browser.get(tool("/series/" + video.id())).body();
		assertThat(videoPage).contains("<video").contains("<track kind=\"captions\"")
			.contains(video.captionsUrl()).contains("/js/series-player.js").contains("Read the transcript");

		SeriesSession unrecorded = this.curriculum.series().stream().filter(s -> !s.recorded()).findFirst().orElseThrow();
		String unrecordedPage = this.browser.get(tool("/series/" + unrecorded.id())).body();
		assertThat(unrecordedPage).contains("the presenter did not give permission to record it")
			.doesNotContain("<iframe").doesNotContain("Mark as watched");
	}

	@Test
	void shouldRefuseInvalidProgressAndStoreNothing() {
		String id = recording(SeriesSession.Player.VIDEO).id();
		for (String body : List.of("position=-1&duration=100", "position=101&duration=100", "position=10&duration=0",
				"position=10&duration=30000", "position=abc&duration=100", "position=10", "position=NaN&duration=100")) {
			assertThat(postForm("/series/" + id + "/progress", body, Map.of()).statusCode()).as(body).isEqualTo(400);
		}
		assertThat(postJson("/series/" + id + "/progress", "{\"position\": 50, \"duration\": -5}").statusCode())
			.isEqualTo(400);
		assertThat(rows()).isZero();
	}

	@Test
	void shouldResumeAndCountAsWatchedAt80Percent() {
		SeriesSession video = recording(SeriesSession.Player.VIDEO);
		HttpResponse<String> saved = postForm("/series/" + video.id() + "/progress", "position=754.6&duration=3600",
				Map.of());
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("\"watched\":false");
		assertThat(this.browser.get(tool("/series/" + video.id())).body()).contains("data-resume=\"754\"")
			.contains("You stopped at 12:34.");
		assertThat(this.browser.get(tool("/series?q=" + encode(video.title()))).body()).contains("In progress (12 min)");

		assertThat(postJson("/series/" + video.id() + "/progress", "{\"position\": 2879, \"duration\": 3600}").body())
			.contains("\"watched\":false");
		assertThat(this.watched).isEmpty();
		assertThat(postJson("/series/" + video.id() + "/progress", "{\"position\": 2880, \"duration\": 3600}").body())
			.contains("\"watched\":true");

		assertThat(this.watched).singleElement().satisfies(event -> {
			assertThat(event.recordingId()).isEqualTo(video.id());
			assertThat(event.contentHash()).isEqualTo(this.curriculum.contentHash());
			assertThat(event.course()).isNotNull();
		});
		assertThat(this.browser.get(tool("/series?q=" + encode(video.title()))).body()).contains(">Watched<");
	}

	@Test
	void shouldNeverLowerWatchedAndPublishOnceForRepeatedOrOutOfOrderUpdates() {
		String id = recording(SeriesSession.Player.VIDEO).id();
		postForm("/series/" + id + "/progress", "position=3500&duration=3600", Map.of());
		postForm("/series/" + id + "/progress", "position=3500&duration=3600", Map.of());
		HttpResponse<String> late = postForm("/series/" + id + "/progress", "position=60&duration=3600", Map.of());

		assertThat(late.body()).contains("\"watched\":true");
		assertThat(this.browser.get(tool("/series/" + id)).body()).contains("You have watched this recording.")
			.doesNotContain("Mark as watched");
		assertThat(this.watched).hasSize(1);
		assertThat(rows()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM series_watch_progress w JOIN person p ON p.id = w.person_id "
				+ "WHERE p.subject = ? AND w.watched_at IS NOT NULL AND w.content_hash = ?")
			.params(this.subject, this.curriculum.contentHash()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void shouldMarkAsWatchedOnceFromTheToolsOwnPage() {
		SeriesSession embedded = recording(SeriesSession.Player.EMBED);
		HttpResponse<String> marked = postForm("/series/" + embedded.id() + "/watched", "",
				Map.of("Sec-Fetch-Site", "same-origin", "Origin", tool("")));

		assertThat(marked.statusCode()).isEqualTo(302);
		assertThat(marked.headers().firstValue("Location").orElseThrow()).endsWith("/series/" + embedded.id());
		assertThat(this.browser.get(tool("/series/" + embedded.id())).body()).contains("You have watched this recording.");
		postForm("/series/" + embedded.id() + "/watched", "", Map.of());
		postForm("/series/" + embedded.id() + "/progress", "position=10&duration=3600", Map.of());
		assertThat(this.watched).singleElement().extracting(RecordingWatched::recordingId).isEqualTo(embedded.id());
	}

	@Test
	void shouldRefuseAMarkOrProgressFromAnotherSite() {
		String id = recording(SeriesSession.Player.EMBED).id();

		assertThat(postForm("/series/" + id + "/watched", "",
				Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")).statusCode()).isEqualTo(403);
		assertThat(postForm("/series/" + id + "/watched", "", Map.of("Origin", "https://evil.example")).statusCode())
			.isEqualTo(403);
		assertThat(postForm("/series/" + id + "/progress", "position=3000&duration=3600",
				Map.of("Sec-Fetch-Site", "same-site")).statusCode()).isEqualTo(403);
		assertThat(rows()).isZero();
		assertThat(this.watched).isEmpty();
	}

	@Test
	void shouldNeedASession() {
		assertThat(new Browser().get(tool("/series")).statusCode()).isEqualTo(401);
	}

	private SeriesSession recording(SeriesSession.Player player) {
		return this.curriculum.series().stream().filter(s -> s.player() == player).findFirst().orElseThrow();
	}

	private long rows() {
		return this.jdbc.sql("SELECT COUNT(*) FROM series_watch_progress w JOIN person p ON p.id = w.person_id WHERE p.subject = ?")
			.param(this.subject).query(Long.class).single();
	}

	private static List<String> dates(String html) {
		Matcher row = ROW.matcher(html);
		List<String> dates = new java.util.ArrayList<>();
		while (row.find()) {
			dates.add(row.group(1));
		}
		return dates;
	}

	private HttpResponse<String> postForm(String path, String body, Map<String, String> headers) {
		return send(path, "application/x-www-form-urlencoded", body, headers);
	}

	private HttpResponse<String> postJson(String path, String body) {
		return send(path, "application/json", body, Map.of());
	}

	/** A POST with the browser's session cookie and the headers a browser would add. */
	private HttpResponse<String> send(String path, String contentType, String body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(tool(path)))
			.header("Content-Type", contentType)
			.header("Cookie", AccessSessions.COOKIE + "=" + this.browser.cookie("localhost", AccessSessions.COOKIE))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

}
