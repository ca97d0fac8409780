package org.coachapproach.outreach;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calendar feeds as a calendar app reads them: valid RFC 5545 (parsed by ical4j), folded and
 * CRLF-terminated, stable UIDs whose SEQUENCE rises on a change and STATUS turns CANCELLED;
 * per category; the person's own feed; a reset address answers 410 with a reason.
 */
@MailTest
class CalendarFeedTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern FEED = Pattern.compile("value=\"(http://[^\"]+/mine\\.ics)\"");

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	JdbcClient jdbc;

	Launches launches;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@BeforeEach
	void launcher() {
		this.launches = new Launches(platform, this.registrations, this.port);
	}

	@Test
	void shouldServeTheSeriesAsValidICalendarThatUpdatesOnChangeAndCancellation() throws Exception {
		Browser staff = this.launches.staff();
		// Text that needs escaping and folding.
		String title = "Burnout; rest, and renewal: a long title that certainly needs folding — " + UUID.randomUUID();
		ZonedDateTime start = ZonedDateTime.now(ZoneId.of("America/Chicago")).plusDays(9).withHour(12).withMinute(0)
			.withSecond(0).withNano(0);
		assertThat(staff.post(this.launches.tool("/series/schedule"), form(start, title)).statusCode()).isEqualTo(302);
		String id = this.jdbc.sql("SELECT session_id FROM series_schedule WHERE title = ?").param(title)
			.query(String.class).single();
		String feed = feedBase(staff) + "/series.ics";

		HttpResponse<String> first = get(feed);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
		assertRfc5545Lines(first.body());
		Calendar calendar = parse(first.body());
		assertThat(calendar.getComponents("VEVENT")).hasSizeGreaterThanOrEqualTo(40);
		VEvent event = event(calendar, id + "@cfds.coachapproach");
		assertThat(event.getSummary().getValue()).isEqualTo("CFDS: " + title);
		assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("0");
		assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
		assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).isEqualTo(
				start.withZoneSameInstant(ZoneId.of("UTC")).toLocalDateTime().toString().replace("-", "").replace(":", "")
						+ "00Z");
		assertThat(event(calendar, "cfds-2022-09-13@cfds.coachapproach").getSummary().getValue())
			.isEqualTo("CFDS: Time management and organisation skills");

		Map<String, String> moved = form(start.plusHours(1), title);
		assertThat(staff.post(this.launches.tool("/series/schedule/" + id), moved).statusCode()).isEqualTo(302);
		VEvent changed = event(parse(get(feed).body()), id + "@cfds.coachapproach");
		assertThat(changed.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");

		assertThat(staff.post(this.launches.tool("/series/schedule/" + id + "/cancel"), Map.of()).statusCode())
			.isEqualTo(302);
		VEvent cancelled = event(parse(get(feed).body()), id + "@cfds.coachapproach");
		assertThat(cancelled.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
		assertThat(cancelled.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
	}

	@Test
	void shouldServeOneCategoryAndThePersonsOwnFeed() throws Exception {
		Browser mentor = this.launches.mentor("mentor-" + UUID.randomUUID());
		String base = feedBase(mentor);

		Calendar dei = parse(get(base + "/series/dei.ics").body());
		assertThat(dei.<VEvent>getComponents("VEVENT")).isNotEmpty()
			.allSatisfy(e -> assertThat(e.getProperty("CATEGORIES").orElseThrow().getValue()).isEqualTo("DEI"));
		assertThat(get(base + "/series/cooking.ics").statusCode()).isEqualTo(404);

		String mine = get(base + "/mine.ics").body();
		assertRfc5545Lines(mine);
		assertThat(parse(mine).getComponents("VEVENT")).hasSizeGreaterThanOrEqualTo(39);
	}

	@Test
	void shouldAnswerGoneWithAReasonForAResetAddress() throws Exception {
		Browser mentor = this.launches.mentor("mentor-" + UUID.randomUUID());
		String old = feedBase(mentor) + "/mine.ics";
		assertThat(get(old).statusCode()).isEqualTo(200);

		HttpResponse<String> reset = mentor.follow(mentor.post(this.launches.tool("/calendar/reset"), Map.of()));
		assertThat(reset.body()).contains("Your calendar address was reset.");
		String fresh = feedUrl(reset.body());
		assertThat(fresh).isNotEqualTo(old);

		HttpResponse<String> gone = get(old);
		assertThat(gone.statusCode()).isEqualTo(410);
		assertThat(gone.body()).contains("reset by its owner");
		assertThat(get(fresh).statusCode()).isEqualTo(200);
		assertThat(get(this.launches.tool("/feeds/" + "A".repeat(43) + "/mine.ics")).statusCode()).isEqualTo(404);
		assertThat(get(fresh.replace("/mine.ics", "/series.ics")).statusCode()).isEqualTo(200);
		assertThat(get(old.replace("/mine.ics", "/series.ics")).statusCode()).isEqualTo(410);
	}

	/** CRLF everywhere, and no line longer than 75 octets (RFC 5545 3.1). */
	static void assertRfc5545Lines(String ics) {
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
	}

	static Calendar parse(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics));
	}

	static VEvent event(Calendar calendar, String uid) {
		Optional<VEvent> found = calendar.<VEvent>getComponents("VEVENT")
			.stream()
			.filter(e -> e.getUid().map(u -> u.getValue().equals(uid)).orElse(false))
			.findFirst();
		return found.orElseThrow(() -> new AssertionError("no event " + uid));
	}

	private String feedBase(Browser browser) {
		return feedUrl(browser.get(this.launches.tool("/calendar")).body()).replace("/mine.ics", "");
	}

	private static String feedUrl(String page) {
		Matcher feed = FEED.matcher(page);
		assertThat(feed.find()).as("a feed address on the page").isTrue();
		return feed.group(1);
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, String> form(ZonedDateTime start, String title) {
		Map<String, String> form = new HashMap<>();
		form.put("date", start.toLocalDate().toString());
		form.put("startTime", start.toLocalTime().toString());
		form.put("timeZone", start.getZone().getId());
		form.put("durationMinutes", "60");
		form.put("title", title);
		form.put("category", "work-life-wellness");
		form.put("presenter", "Ana Ruiz, MD, MPH");
		form.put("summary", "Line one.\nLine two, with a comma; and a semicolon.");
		form.put("joinUrl", "https://meet.example.edu/j/" + Math.abs(title.hashCode()));
		return form;
	}

}
