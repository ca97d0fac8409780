package org.coachapproach.outreach;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.outreach.internal.OutboxSender;
import org.coachapproach.outreach.internal.OutreachProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against a real SMTP server: sent after commit and once, kept and retried when the
 * server is unreachable (across a second instance, as after a restart), a rejected address
 * recorded for staff, one-click unsubscribe honoured, a kind switched off.
 */
@MailTest
class OutboxTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	static TestPlatform platform;

	@LocalServerPort
	int port;

	@Autowired
	org.coachapproach.people.People people;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxSender sender;

	@Autowired
	FeedTokens feeds;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Registrations registrations;

	@BeforeAll
	static void startPlatform() throws Exception {
		platform = new TestPlatform();
	}

	@AfterAll
	static void stopPlatform() {
		platform.close();
	}

	@AfterEach
	void putBack() {
		this.clock.reset();
		for (ReminderKind kind : ReminderKind.values()) {
			this.outbox.switchKind(program(), kind, true, null);
		}
	}

	@Test
	void shouldSendAfterCommitAndNeverTwice() throws Exception {
		Recipient to = recipient();
		String key = "test:" + UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> {
			assertThat(queue(to, key)).isEqualTo(MailOutbox.Outcome.QUEUED);
			// Another instance's sender does not see it before the commit.
			assertThat(CompletableFuture.supplyAsync(this.sender::drain).join()).isZero();
		});
		assertThat(this.sender.drain()).isEqualTo(1);
		assertThat(TestSmtp.to(to.email())).hasSize(1);

		assertThat(queue(to, key)).isEqualTo(MailOutbox.Outcome.DUPLICATE);
		this.sender.drain();
		assertThat(TestSmtp.to(to.email())).hasSize(1);
		assertThat(status(to, key)).isEqualTo("SENT");
	}

	@Test
	void shouldSendTextAndAccessibleHtmlWithOneClickUnsubscribeHeaders() throws Exception {
		Recipient to = recipient();
		queue(to, "test:" + UUID.randomUUID());
		this.sender.drain();
		MimeMessage message = TestSmtp.to(to.email()).get(0);

		assertThat(message.getSubject()).isEqualTo("CFDS: Feeling fulfilled by your job (Tuesday, 8 September 2026)");
		String unsubscribe = message.getHeader("List-Unsubscribe")[0];
		assertThat(unsubscribe).matches("<http://localhost:\\d+/unsubscribe/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>");
		assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String text = TestSmtp.part(message, "text/plain");
		String html = TestSmtp.part(message, "text/html");
		assertThat(text).contains("Hello Pat Example,").contains("Presenter: Kevin Osei, MD")
			.contains("https://meet.example.edu/j/123").contains(unsubscribe.substring(1, unsubscribe.length() - 1));
		assertThat(html).contains("<html lang=\"en\">").contains("<h1")
			.contains("href=\"https://meet.example.edu/j/123\"")
			.contains("href=\"" + unsubscribe.substring(1, unsubscribe.length() - 1) + "\"");
	}

	@Test
	void shouldKeepMailWhenSmtpIsUnreachableAndSendItOnceAfterARestart() throws Exception {
		Recipient to = recipient();
		String key = "test:" + UUID.randomUUID();
		queue(to, key);
		OutboxSender unreachable = this.sender.with(mailSender(closedPort()), settings());
		assertThat(unreachable.drain()).isZero();
		Map<String, Object> row = row(to, key);
		assertThat(row.get("status")).isEqualTo("QUEUED");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).containsIgnoringCase("connect");

		// A new instance on the same database, SMTP back: not before the backoff, then exactly once.
		OutboxSender restarted = this.sender.with(mailSender(TestSmtp.port()), settings());
		assertThat(restarted.drain()).isZero();
		this.clock.shift(Duration.ofMinutes(2));
		assertThat(restarted.drain()).isEqualTo(1);
		assertThat(this.sender.with(mailSender(TestSmtp.port()), settings()).drain()).isZero();
		assertThat(TestSmtp.to(to.email())).hasSize(1);
	}

	@Test
	void shouldRecordARejectedAddressAsFailedAndShowItToStaff() throws Exception {
		Recipient rejected = recipient();
		Recipient accepted = recipient();
		TestSmtp.reject(rejected.email());
		String key = "test:" + UUID.randomUUID();
		this.outbox.queueAll(program(), List.of(rejected, accepted), ReminderKind.SERIES_SESSION, key, "series-session", model(),
				Locale.ENGLISH);

		this.sender.drain();

		assertThat(TestSmtp.to(accepted.email())).hasSize(1);
		assertThat(TestSmtp.to(rejected.email())).isEmpty();
		Map<String, Object> row = row(rejected, key);
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat((String) row.get("last_error")).contains("550");
		assertThat(this.sender.drain()).isZero();

		String page = staff().get(tool("/outreach")).body();
		assertThat(page).contains(rejected.address()).contains("550").contains("Email is on");
	}

	@Test
	void shouldHonourOneClickUnsubscribeForThatKindOnly() throws Exception {
		Recipient to = recipient();
		queue(to, "test:" + UUID.randomUUID());
		this.sender.drain();
		String header = TestSmtp.to(to.email()).get(0).getHeader("List-Unsubscribe")[0];
		String path = URI.create(header.substring(1, header.length() - 1)).getPath();

		HttpResponse<String> confirm = HTTP.send(HttpRequest.newBuilder(URI.create(tool(path))).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("Stop sending Weekly CFDS session reminders to " + to.address());
		assertThat(this.outbox.unsubscribed(to.email(), ReminderKind.SERIES_SESSION)).isFalse();

		// RFC 8058: the mail provider POSTs, from its own servers, with this body.
		HttpResponse<String> oneClick = HTTP.send(HttpRequest.newBuilder(URI.create(tool(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Origin", "https://mail.example.com")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(oneClick.body()).contains("will no longer receive");

		assertThat(queue(to, "test:" + UUID.randomUUID())).isEqualTo(MailOutbox.Outcome.UNSUBSCRIBED);
		Message nudge = new Message("Time to meet", "Text " + this.outbox.unsubscribeUrl(to, ReminderKind.MENTORING_NUDGE),
				"<p>Html</p>");
		assertThat(this.outbox.queue(program(), to, ReminderKind.MENTORING_NUDGE, "test:" + UUID.randomUUID(), nudge))
			.isEqualTo(MailOutbox.Outcome.QUEUED);

		String forged = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
		assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(tool(forged))).POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldStillHonourUnsubscribeLinksMailedUnderTheKeyOnceKeptInTheDatabase() throws Exception {
		Recipient to = recipient();
		byte[] earlier = new byte[32];
		new java.security.SecureRandom().nextBytes(earlier);
		this.jdbc.sql("INSERT IGNORE INTO outreach_secret (name, secret) VALUES ('unsubscribe', ?)")
			.param(java.util.HexFormat.of().formatHex(earlier))
			.update();
		byte[] kept = java.util.HexFormat.of()
			.parseHex(this.jdbc.sql("SELECT secret FROM outreach_secret WHERE name = 'unsubscribe'").query(String.class).single());
		java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
		String payload = b64.encodeToString((ReminderKind.SERIES_SESSION.label() + ":" + to.address())
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(kept, "HmacSHA256"));
		String token = payload + "." + b64.encodeToString(java.util.Arrays.copyOf(
				mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 20));
		assertThat(this.outbox.unsubscribeUrl(to, ReminderKind.SERIES_SESSION)).doesNotEndWith(token);

		HttpResponse<String> oneClick = HTTP.send(HttpRequest.newBuilder(URI.create(tool("/unsubscribe/" + token)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(this.outbox.unsubscribed(to.email(), ReminderKind.SERIES_SESSION)).isTrue();
	}

	@Test
	void shouldGiveANewFeedAddressWhenTheCurrentOneWasMadeUnderAnotherLinkKey() {
		org.coachapproach.people.PersonId person = new org.coachapproach.people.PersonId(
				java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
		String first = this.feeds.tokenFor(program(), person);
		assertThat(this.feeds.tokenFor(program(), person)).isEqualTo(first);
		String earlier = "e".repeat(43);
		this.jdbc.sql("UPDATE outreach_feed_token SET token_hash = ? WHERE token_hash = ?")
			.params(FeedTokens.hash(earlier), FeedTokens.hash(first))
			.update();

		String next = this.feeds.tokenFor(program(), person);
		assertThat(next).isNotEqualTo(first);
		assertThat(this.feeds.resolve(next)).isEqualTo(new FeedTokens.Resolution.Active(program(), person));
		assertThat(this.feeds.resolve(earlier)).isInstanceOf(FeedTokens.Resolution.Reset.class);
		assertThat(this.feeds.tokenFor(program(), person)).isEqualTo(next);
	}

	@Test
	void shouldQueueNothingOfAKindStaffSwitchedOff() {
		HttpResponse<String> saved = staff().post(tool("/outreach/switches"),
				Map.of("enabled", ReminderKind.MENTORING_NUDGE.label()));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.outbox.enabled(program(), ReminderKind.SERIES_SESSION)).isFalse();
		assertThat(this.outbox.enabled(program(), ReminderKind.MENTORING_NUDGE)).isTrue();
		Recipient to = recipient();
		assertThat(queue(to, "test:" + UUID.randomUUID())).isEqualTo(MailOutbox.Outcome.KIND_OFF);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outreach_outbox WHERE recipient = ?").param(to.address())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void shouldForgetOldBodiesButStillNeverQueueTheSameReminderTwice() {
		Recipient to = recipient();
		String key = "test:" + UUID.randomUUID();
		queue(to, key);
		this.sender.drain();

		this.clock.shift(Duration.ofDays(31));
		assertThat(this.sender.forgetBodies(Duration.ofDays(30))).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("SELECT CONCAT(text_body, html_body) FROM outreach_outbox WHERE recipient = ?")
			.param(to.address()).query(String.class).single()).isEmpty();
		assertThat(queue(to, key)).isEqualTo(MailOutbox.Outcome.DUPLICATE);
	}

	@Test
	void shouldRefuseTheStaffPageToAMentor() {
		platform.registerWith(this.registrations);
		Browser mentor = platform.signIn(tool(""), "mentor-" + UUID.randomUUID(), claims -> claims);
		HttpResponse<String> page = mentor.get(tool("/outreach"));
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("Only program staff");
	}

	private MailOutbox.Outcome queue(Recipient to, String key) {
		return this.outbox.queue(program(), to, ReminderKind.SERIES_SESSION, key, "series-session", model(), Locale.ENGLISH);
	}

	static Map<String, Object> model() {
		return Map.of("title", "Feeling fulfilled by your job", "presenter", "Kevin Osei, MD", "summary",
				"What makes clinical work feel worthwhile.", "joinUrl", "https://meet.example.edu/j/123", "when",
				"Tuesday, 8 September 2026");
	}

	private static Recipient recipient() {
		return new Recipient("faculty-" + UUID.randomUUID().toString().substring(0, 8) + "@example.edu", "Pat Example",
				null);
	}

	private Map<String, Object> row(Recipient to, String key) {
		return this.jdbc.sql("SELECT status, attempts, last_error FROM outreach_outbox WHERE recipient = ? AND dedup_key = ?")
			.params(to.address(), key)
			.query()
			.singleRow();
	}

	private String status(Recipient to, String key) {
		return (String) row(to, key).get("status");
	}

	private OutreachProperties settings() {
		return new OutreachProperties("Coach Approach <no-reply@example.edu>", 50, Duration.ofSeconds(5),
				Duration.ofMinutes(1), Duration.ofHours(1), 5, Duration.ofDays(30), Duration.ofMinutes(5),
				new OutreachProperties.Sender(false));
	}

	private static JavaMailSenderImpl mailSender(int port) {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("127.0.0.1");
		mail.setPort(port);
		mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
		mail.getJavaMailProperties().put("mail.smtp.timeout", "5000");
		return mail;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private Browser staff() {
		return new Launches(platform, this.registrations, this.port).staff();
	}

	private String tool(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** The test platform's program: everything program-wide here is its. */
	org.coachapproach.people.ProgramId program() {
		return this.people.program(platform.issuer(), TestPlatform.CLIENT_ID);
	}

}
