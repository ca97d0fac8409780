package org.coachapproach.ops;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import jakarta.mail.internet.MimeMessage;
import org.coachapproach.TestLaunches;
import org.coachapproach.lti.Browser;
import org.coachapproach.lti.Exchanges;
import org.coachapproach.lti.TestPlatform;

/**
 * The exactly-once proof of {@code ops/cluster/cluster.sh exactly-once}: drives launches,
 * submitted reflections (each completes an exercise and queues a score) and queued email
 * through nginx onto both tool instances while the script kills things, then counts what
 * arrived. The platform's line items and score endpoint and an SMTP server (GreenMail) run in
 * here, so every score POST and every message is counted where it lands.
 * <p>
 * Arguments: tool URL (nginx), seconds of load, clients, SMTP port the tools send to, seconds
 * to wait for the outboxes to drain. System properties: {@code drill.registration-key},
 * {@code drill.jdbc} (a JDBC URL of the cluster), {@code drill.db-user}; the database password
 * in the environment ({@code DB_PASSWORD}). Prints one PASS/FAIL line per check and exits 1 on a
 * FAIL.
 */
public final class ExactlyOnceDrill {

	private static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

	private static final String LINE_ITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

	private static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

	private static final List<String> EXERCISES = List.of("ex-resource-map", "ex-advice-to-inquiry", "ex-listening-log",
			"ex-career-development-triad", "ex-powerful-questions-triad", "ex-first-mentee-meeting",
			"ex-listening-triad", "ex-ethics-dilemmas");

	/** What the driver saw for one request: the tool said yes, said no, or the answer was lost. */
	enum Outcome {

		OK, FAILED

	}

	private final String tool;

	private final TestPlatform platform;

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private final String context = "eo-course-" + this.run;

	/** line item id → its resourceId (the tool's item key). */
	private final Map<String, String> lineItems = new ConcurrentHashMap<>();

	private final AtomicInteger lineItemIds = new AtomicInteger();

	/** (item key, user, timestamp) → score POSTs received. */
	private final Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();

	private final Map<String, Outcome> launches = new ConcurrentHashMap<>();

	/** "subject exercise" → outcome of the reflection's submission. */
	private final Map<String, Outcome> submissions = new ConcurrentHashMap<>();

	private final Map<String, Outcome> queuedMail = new ConcurrentHashMap<>();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private final String jdbc = System.getProperty("drill.jdbc");

	private final String dbUser = System.getProperty("drill.db-user", "coachapproach");

	private final String dbPassword = System.getenv().getOrDefault("DB_PASSWORD", "");

	private ExactlyOnceDrill(String tool) throws IOException {
		this.tool = tool;
		this.platform = TestPlatform.onLoopback();
		String issuer = this.platform.issuer();
		this.platform.handle("/.well-known/openid-configuration", ex -> Exchanges.json(ex, 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","registration_endpoint":"%1$s/register",
				 "jwks_uri":"%2$s","token_endpoint":"%1$s/token","scopes_supported":["openid","%3$s","%4$s"],
				 "https://purl.imsglobal.org/spec/lti-platform-configuration":{"product_family_code":"drill","version":"1"}}
				""".formatted(issuer, this.platform.jwksUrl(), LINE_ITEM_SCOPE, SCORE_SCOPE)));
		this.platform.handle("/register", ex -> {
			ex.getRequestBody().readAllBytes();
			Exchanges.json(ex, 200, """
					{"client_id":"%s","scope":"%s %s","https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"%s"}}
					""".formatted(TestPlatform.CLIENT_ID, LINE_ITEM_SCOPE, SCORE_SCOPE, TestPlatform.DEPLOYMENT_ID));
		});
		// The tool's client assertion is not checked here: the service endpoints are what is counted.
		this.platform.handle("/token", ex -> {
			ex.getRequestBody().readAllBytes();
			Exchanges.json(ex, 200, "{\"access_token\":\"drill-" + this.run + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
		});
		this.platform.handle("/lineitems", this::lineItems);
	}

	public static void main(String[] args) throws Exception {
		// The JDK's HTTP server leaves Nagle's algorithm on: 40 ms per exchange with delayed ACKs.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		// The verdict lines are the output; the JDBC driver's and GreenMail's chatter is not.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		String tool = args[0];
		int seconds = Integer.parseInt(args[1]);
		int clients = Integer.parseInt(args[2]);
		int smtpPort = Integer.parseInt(args[3]);
		int drainSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 900;
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		ExactlyOnceDrill drill = new ExactlyOnceDrill(tool);
		boolean passed;
		try {
			drill.register();
			drill.load(seconds, clients);
			drill.drain(drainSeconds);
			passed = drill.check(smtp);
		}
		finally {
			smtp.stop();
			drill.platform.close();
		}
		System.exit(passed ? 0 : 1);
	}

	private void register() {
		String key = System.getProperty("drill.registration-key", "");
		HttpResponse<String> response = new Browser().get(this.tool + "/lti/register?openid_configuration="
				+ this.platform.issuer() + "/.well-known/openid-configuration&registration_token=drill"
				+ (key.isEmpty() ? "" : "&key=" + key));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("registration failed: " + response.statusCode() + "\n" + response.body());
		}
	}

	// --- load ----------------------------------------------------------------------------------

	private void load(int seconds, int clients) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicLong users = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients + 1);
		for (int c = 0; c < clients; c++) {
			new Thread(() -> {
				while (System.nanoTime() < end) {
					learner("eo-" + this.run + "-" + users.incrementAndGet());
				}
				done.countDown();
			}, "drill-client-" + c).start();
		}
		new Thread(() -> {
			queueMail(end);
			done.countDown();
		}, "drill-mail").start();
		long started = System.nanoTime();
		while (!done.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
			log("load %.0f s: launches %d OK %d failed; reflections %d OK %d failed; mail queued %d", (System.nanoTime() - started) / 1e9,
					count(this.launches, Outcome.OK), count(this.launches, Outcome.FAILED), count(this.submissions, Outcome.OK),
					count(this.submissions, Outcome.FAILED), count(this.queuedMail, Outcome.OK));
		}
	}

	/** One learner: a launch (first page 200), then two submitted reflections. */
	private void learner(String subject) {
		Browser browser;
		try {
			browser = this.platform.signIn(this.tool, subject, claims -> claims.claim("name", "Drill " + subject)
				.claim("email", subject + "@drill.test")
				.claim("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(TestLaunches.LEARNER))
				.claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", this.context, "title", "Drill " + this.run))
				.claim(AGS, Map.of("scope", List.of(LINE_ITEM_SCOPE, SCORE_SCOPE), "lineitems",
						this.platform.issuer() + "/lineitems")));
			if (browser.get(java.net.URI.create(this.tool + "/").resolve(browser.lastLocation()).toString()).statusCode() != 200) {
				this.launches.put(subject, Outcome.FAILED);
				return;
			}
			this.launches.put(subject, Outcome.OK);
		}
		catch (RuntimeException | AssertionError ex) {
			this.launches.put(subject, Outcome.FAILED);
			return;
		}
		int first = ThreadLocalRandom.current().nextInt(EXERCISES.size());
		for (String exercise : List.of(EXERCISES.get(first), EXERCISES.get((first + 3) % EXERCISES.size()))) {
			String key = subject + " " + exercise;
			try {
				HttpResponse<String> submitted = browser.post(this.tool + "/exercises/" + exercise + "/reflection/submit",
						Map.of("text", "Reflection of " + key));
				this.submissions.put(key, submitted.statusCode() == 302 ? Outcome.OK : Outcome.FAILED);
			}
			catch (RuntimeException ex) {
				this.submissions.put(key, Outcome.FAILED);
			}
		}
	}

	/**
	 * Queues five messages every second straight into the outbox table, as the tool's queue does
	 * (the instances then race to send them); a commit the driver saw succeed must be sent.
	 */
	private void queueMail(long end) {
		long program = 0;
		while (program == 0 && System.nanoTime() < end) {
			// The platform's program row comes with its first launch.
			try (Connection db = connection(); PreparedStatement query = db.prepareStatement(
					"SELECT COALESCE(MIN(id), 0) FROM program WHERE issuer = ?")) {
				query.setString(1, this.platform.issuer());
				try (ResultSet rs = query.executeQuery()) {
					rs.next();
					program = rs.getLong(1);
				}
			}
			catch (SQLException ex) {
				log("mail: %s", ex.getMessage());
			}
			if (program == 0) {
				sleep(500);
			}
		}
		int n = 0;
		while (System.nanoTime() < end) {
			for (int i = 0; i < 5; i++, n++) {
				String key = "eo-" + this.run + "-mail-" + n;
				try (Connection db = connection(); PreparedStatement insert = db.prepareStatement("""
						INSERT INTO outreach_outbox (program_id, dedup_key, recipient, recipient_name, kind, subject, text_body,
						    html_body, unsubscribe_url, status, attempts, next_attempt_at, queued_at)
						VALUES (?, ?, ?, 'Drill', 'SERIES_SESSION', ?, 'drill', '<p>drill</p>', 'http://127.0.0.1/unsubscribe',
						    'QUEUED', 0, ?, ?)""")) {
					Timestamp now = Timestamp.from(Instant.now());
					insert.setLong(1, program);
					insert.setString(2, key);
					insert.setString(3, "mail-" + n + "@drill.test");
					insert.setString(4, key);
					insert.setTimestamp(5, now);
					insert.setTimestamp(6, now);
					insert.executeUpdate();
					this.queuedMail.put(key, Outcome.OK);
				}
				catch (SQLException ex) {
					this.queuedMail.put(key, Outcome.FAILED);
				}
			}
			sleep(1000);
		}
	}

	// --- the platform's line items and scores --------------------------------------------------

	private void lineItems(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		byte[] body = exchange.getRequestBody().readAllBytes();
		try {
			if (path.endsWith("/scores")) {
				Map<String, Object> score = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
				String item = this.lineItems.get(path.substring(0, path.length() - "/scores".length()));
				this.receipts.computeIfAbsent(item + " " + score.get("userId") + " " + score.get("timestamp"),
						k -> new AtomicInteger()).incrementAndGet();
				Exchanges.json(exchange, 200, "{}");
			}
			else if (exchange.getRequestMethod().equals("POST")) {
				// As a real platform, a second create makes a second column (two instances may race).
				Map<String, Object> item = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
				String id = "/lineitems/" + this.lineItemIds.incrementAndGet();
				this.lineItems.put(id, (String) item.get("resourceId"));
				Exchanges.json(exchange, 201, lineItem(id, (String) item.get("resourceId")));
			}
			else if (path.equals("/lineitems")) {
				String wanted = query(exchange.getRequestURI().getRawQuery()).get("resource_id");
				Exchanges.json(exchange, 200, "[" + String.join(",", this.lineItems.entrySet().stream()
					.filter(e -> e.getValue().equals(wanted)).map(e -> lineItem(e.getKey(), e.getValue())).toList()) + "]");
			}
			else {
				String item = this.lineItems.get(path);
				Exchanges.json(exchange, item == null ? 404 : 200, item == null ? "{}" : lineItem(path, item));
			}
		}
		catch (java.text.ParseException ex) {
			Exchanges.json(exchange, 400, "{}");
		}
	}

	private String lineItem(String id, String resourceId) {
		return "{\"id\":\"%s%s\",\"label\":\"%s\",\"scoreMaximum\":1,\"resourceId\":\"%s\"}".formatted(this.platform.issuer(),
				id, resourceId, resourceId);
	}

	// --- after the load ------------------------------------------------------------------------

	/** Waits until no score or message of this run is left to send (a dead instance's claims wait out their lease). */
	private void drain(int seconds) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long started = System.nanoTime();
		while (true) {
			long scores;
			long mail;
			try (Connection db = connection()) {
				scores = single(db, "SELECT COUNT(*) FROM lti_score s JOIN course c ON c.id = s.course_id"
						+ " WHERE c.context_id = '" + this.context + "' AND s.status = 'PENDING'");
				mail = single(db, "SELECT COUNT(*) FROM outreach_outbox WHERE dedup_key LIKE 'eo-" + this.run
						+ "-mail-%' AND status = 'QUEUED'");
			}
			catch (SQLException ex) {
				log("drain: %s", ex.getMessage());
				sleep(2000);
				continue;
			}
			if (scores == 0 && mail == 0) {
				log("drained in %.0f s", (System.nanoTime() - started) / 1e9);
				return;
			}
			if (System.nanoTime() > end) {
				log("not drained after %d s: %d scores, %d messages waiting", seconds, scores, mail);
				return;
			}
			log("draining: %d scores, %d messages waiting (a killed instance's claims wait out their lease)", scores, mail);
			sleep(5000);
		}
	}

	private boolean check(GreenMail smtp) throws Exception {
		try (Connection db = connection()) {
			checkLaunches(db);
			checkSubmissions(db);
			checkScores(db);
			checkMail(db, smtp);
		}
		return this.failures.isEmpty();
	}

	private void checkLaunches(Connection db) throws SQLException {
		Map<String, long[]> rows = new HashMap<>(); // subject → {memberships, sessions}
		try (PreparedStatement query = db.prepareStatement("""
				SELECT p.subject,
				  (SELECT COUNT(*) FROM membership m JOIN course c ON c.id = m.course_id
				     WHERE m.person_id = p.id AND c.context_id = ?),
				  (SELECT COUNT(*) FROM access_session s WHERE s.person_id = p.id)
				FROM person p WHERE p.issuer = ?""")) {
			query.setString(1, this.context);
			query.setString(2, this.platform.issuer());
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					rows.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
				}
			}
		}
		List<String> missing = this.launches.entrySet().stream().filter(e -> e.getValue() == Outcome.OK)
			.map(Map.Entry::getKey)
			.filter(s -> !rows.containsKey(s) || rows.get(s)[0] != 1 || rows.get(s)[1] < 1)
			.toList();
		verdict(missing.isEmpty(), "launches: %d got their first page (200), %d failed; every 200 has its person, membership and session rows%s",
				count(this.launches, Outcome.OK), count(this.launches, Outcome.FAILED),
				missing.isEmpty() ? "" : "; MISSING for " + missing.size() + ", e.g. " + missing.get(0));
	}

	private void checkSubmissions(Connection db) throws SQLException {
		// subject exercise → {reflection submitted, completion rows, score rows}
		Map<String, long[]> rows = new HashMap<>();
		try (PreparedStatement query = db.prepareStatement("""
				SELECT p.subject, r.exercise_id, r.submitted_at IS NOT NULL,
				  (SELECT COUNT(*) FROM completion k WHERE k.person_id = r.person_id AND k.course_id = r.course_id
				     AND k.item_type = 'EXERCISE' AND k.item_id = r.exercise_id),
				  (SELECT COUNT(*) FROM lti_score s WHERE s.person_id = r.person_id AND s.course_id = r.course_id
				     AND s.item_key = CONCAT('exercise:', r.exercise_id))
				FROM reflection r JOIN person p ON p.id = r.person_id JOIN course c ON c.id = r.course_id
				WHERE c.context_id = ?""")) {
			query.setString(1, this.context);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					rows.put(rs.getString(1) + " " + rs.getString(2),
							new long[] { rs.getBoolean(3) ? 1 : 0, rs.getLong(4), rs.getLong(5) });
				}
			}
		}
		List<String> lost = new ArrayList<>();
		List<String> half = new ArrayList<>();
		int failedThere = 0;
		for (Map.Entry<String, Outcome> e : this.submissions.entrySet()) {
			long[] r = rows.getOrDefault(e.getKey(), new long[3]);
			boolean whole = r[0] == 1 && r[1] == 1 && r[2] == 1;
			boolean none = r[0] == 0 && r[1] == 0 && r[2] == 0;
			if (e.getValue() == Outcome.OK && !whole) {
				lost.add(e.getKey() + " " + java.util.Arrays.toString(r));
			}
			else if (!whole && !none) {
				half.add(e.getKey() + " " + java.util.Arrays.toString(r));
			}
			else if (e.getValue() == Outcome.FAILED && whole) {
				failedThere++; // committed, but the answer was lost on its way back (a killed instance, a 502)
			}
		}
		verdict(lost.isEmpty(), "reflections: %d submitted OK, each there once with its completion and its score row%s",
				count(this.submissions, Outcome.OK), lost.isEmpty() ? "" : "; NOT THERE: " + lost.size() + ", e.g. " + lost.get(0));
		verdict(half.isEmpty(), "reflections: %d failed for the driver (%d of them committed whole), none half there%s",
				count(this.submissions, Outcome.FAILED), failedThere,
				half.isEmpty() ? "" : "; HALF THERE: " + half.size() + ", e.g. " + half.get(0));
	}

	private void checkScores(Connection db) throws SQLException {
		Map<String, String> expected = new LinkedHashMap<>(); // item user → status
		try (PreparedStatement query = db.prepareStatement("""
				SELECT s.item_key, p.subject, s.status FROM lti_score s JOIN person p ON p.id = s.person_id
				JOIN course c ON c.id = s.course_id WHERE c.context_id = ?""")) {
			query.setString(1, this.context);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					expected.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3));
				}
			}
		}
		Map<String, Integer> perScore = new HashMap<>(); // item user → POSTs, whatever the timestamp
		Map<String, Set<String>> stamps = new HashMap<>();
		this.receipts.forEach((key, n) -> {
			String itemUser = key.substring(0, key.lastIndexOf(' '));
			perScore.merge(itemUser, n.get(), Integer::sum);
			stamps.computeIfAbsent(itemUser, k -> new HashSet<>()).add(key.substring(key.lastIndexOf(' ') + 1));
		});
		long notSent = expected.values().stream().filter(s -> !s.equals("SENT")).count();
		List<String> missing = expected.keySet().stream().filter(k -> !perScore.containsKey(k)).toList();
		List<String> unknown = perScore.keySet().stream().filter(k -> !expected.containsKey(k)).toList();
		List<String> twice = perScore.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
		long otherStamp = twice.stream().filter(k -> stamps.get(k).size() > 1).count();
		verdict(notSent == 0 && missing.isEmpty() && unknown.isEmpty(),
				"scores: %d score rows, %d not SENT, %d POSTs received for %d of them; none missing%s%s", expected.size(), notSent,
				perScore.values().stream().mapToInt(Integer::intValue).sum(), perScore.size(),
				missing.isEmpty() ? "" : "; MISSING " + missing.size() + ", e.g. " + missing.get(0),
				unknown.isEmpty() ? "" : "; NOT QUEUED " + unknown.size() + ", e.g. " + unknown.get(0));
		verdict(twice.isEmpty(), "scores: each received exactly once (per line item, user and timestamp)%s",
				twice.isEmpty() ? "" : "; TWICE: " + twice.size() + " (" + otherStamp + " with another timestamp), e.g. " + twice.get(0));
		int items = new HashSet<>(this.lineItems.values()).size();
		verdict(this.lineItems.size() == items, "line items: %d created on the platform for %d items (one gradebook column each)",
				this.lineItems.size(), items);
	}

	private void checkMail(Connection db, GreenMail smtp) throws Exception {
		Map<String, String> queued = new HashMap<>();
		try (PreparedStatement query = db.prepareStatement(
				"SELECT dedup_key, status FROM outreach_outbox WHERE dedup_key LIKE CONCAT('eo-', ?, '-mail-%')")) {
			query.setString(1, this.run);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					queued.put(rs.getString(1), rs.getString(2));
				}
			}
		}
		Map<String, Integer> received = new HashMap<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			received.merge(message.getSubject(), 1, Integer::sum);
		}
		List<String> lostQueued = this.queuedMail.entrySet().stream()
			.filter(e -> e.getValue() == Outcome.OK && !queued.containsKey(e.getKey())).map(Map.Entry::getKey).toList();
		List<String> missing = queued.keySet().stream().filter(k -> !received.containsKey(k)).toList();
		long notSent = queued.values().stream().filter(s -> !s.equals("SENT")).count();
		long twice = received.values().stream().filter(n -> n == 2).count();
		long more = received.values().stream().filter(n -> n > 2).count();
		verdict(lostQueued.isEmpty() && missing.isEmpty() && notSent == 0,
				"email: %d queued (%d inserts failed for the driver), %d not SENT, %d received; every queued message arrived%s%s",
				queued.size(), count(this.queuedMail, Outcome.FAILED), notSent, received.values().stream().mapToInt(Integer::intValue).sum(),
				lostQueued.isEmpty() ? "" : "; QUEUE LOST " + lostQueued.size(),
				missing.isEmpty() ? "" : "; MISSING " + missing.size() + ", e.g. " + missing.get(0));
		verdict(more == 0, "email: at most twice (SMTP's gap: a crash between the server's 250 and the row's update): "
				+ "%d twice, %d more than twice", twice, more);
	}

	// --- helpers -------------------------------------------------------------------------------

	private void verdict(boolean pass, String format, Object... args) {
		String line = format.formatted(args);
		System.out.println((pass ? "PASS " : "FAIL ") + line);
		if (!pass) {
			this.failures.add(line);
		}
	}

	private Connection connection() throws SQLException {
		return DriverManager.getConnection(this.jdbc, this.dbUser, this.dbPassword);
	}

	private static long single(Connection db, String sql) throws SQLException {
		try (PreparedStatement query = db.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long count(Map<String, Outcome> outcomes, Outcome outcome) {
		return outcomes.values().stream().filter(o -> o == outcome).count();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> parameters = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] kv = pair.split("=", 2);
				parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
						kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
			}
		}
		return parameters;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void log(String format, Object... args) {
		System.out.println("[drill " + java.time.LocalTime.now().withNano(0) + "] " + format.formatted(args));
	}

}
