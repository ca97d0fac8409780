package org.coachapproach.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.coachapproach.lti.Browser;

/**
 * Ten minutes (or as many as asked) of mixed load against a running tool: signed launches,
 * page views of the pages mentors and staff use, reflections (each completes an exercise, and
 * the score goes to {@link SoakPlatform}), survey submissions. Every 30 s it samples the heap
 * after a full GC, the connection pool, the interval's latencies and errors, and the row counts
 * of the tables that could grow; at the end it prints the table and whether the run was flat.
 * <p>
 * {@code benchmarks/soak.sh} starts the tool and runs this; by hand:
 * {@code java -cp <test classpath> org.coachapproach.soak.SoakDriver <tool URL> <minutes> <clients> <jdbc URL> <management token> <tool pid>}
 */
public final class SoakDriver {

	static final int SAMPLE_SECONDS = 30;

	/** Distinct people launched, then launched again: real courses have a roster, not an endless stream. */
	static final int PEOPLE = 2000;

	private static final List<String> EXERCISES = List.of("ex-promotion-case-review", "ex-advice-to-inquiry",
			"ex-listening-log", "ex-powerful-questions-journal");

	private static final List<String> LEARNER_PAGES = List.of("/", "/sessions/1", "/sessions/3", "/sessions/5",
			"/series", "/series?q=burnout", "/series?q=promotion&category=promotion", "/surveys",
			"/exercises/ex-listening-log", "/recognition/profile", "/calendar");

	private static final List<String> STAFF_PAGES = List.of("/course/completion", "/course/platform",
			"/course/surveys", "/course/surveys/report", "/course/competency-profile", "/series/attendance",
			"/sessions/1/facilitator");

	private static final List<String> LEARNER = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");

	/** Program staff, as a program's coordinator launches: instructor, institution administrator, program role staff. */
	private static final List<String> STAFF = List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
			"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator");

	private static final Pattern RADIO = Pattern.compile("type=\"radio\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]+)\"");

	private static final Map<String, String> MENTOR = Map.of("program_role", "mentor");

	/** Tables that could grow, and what bounds each (see {@link #verdict}). */
	static final Map<String, String> TABLES = tables();

	private final String tool;

	private final SoakPlatform platform;

	private final String jdbcUrl;

	private final String managementToken;

	private final String toolPid;

	private final AtomicReferenceArray<Browser> signedIn = new AtomicReferenceArray<>(256);

	/** Who each pooled browser is. */
	private final AtomicIntegerArray lastPerson = new AtomicIntegerArray(256);

	private final Set<Integer> surveyed = ConcurrentHashMap.newKeySet();

	private final AtomicLong people = new AtomicLong();

	final AtomicLong launches = new AtomicLong();

	final AtomicLong pageViews = new AtomicLong();

	final AtomicLong reflections = new AtomicLong();

	final AtomicLong surveys = new AtomicLong();

	/** Failed operations since the last sample. */
	final AtomicInteger errors = new AtomicInteger();

	final AtomicLong allErrors = new AtomicLong();

	private volatile ConcurrentLinkedQueue<Long> interval = new ConcurrentLinkedQueue<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private Map<String, String> surveyAnswers = Map.of();

	private Browser staff;

	private SoakDriver(String tool, String jdbcUrl, String managementToken, String toolPid) throws IOException {
		this.tool = tool;
		this.platform = new SoakPlatform(tool);
		this.jdbcUrl = jdbcUrl;
		this.managementToken = managementToken;
		this.toolPid = toolPid;
	}

	public static void main(String[] args) throws Exception {
		String tool = args[0];
		int minutes = Integer.parseInt(args[1]);
		int clients = Integer.parseInt(args[2]);
		SoakDriver soak = new SoakDriver(tool, args[3], args[4], args.length > 5 ? args[5] : "");
		soak.prepare();
		long[] cpuBefore = cpuTicks();
		List<Sample> samples = soak.run(minutes, clients);
		long[] cpuAfter = cpuTicks();
		System.out.println(table(samples));
		System.out.printf("work: %d launches, %d page views, %d reflections, %d survey submissions, %d scores received "
				+ "by the platform, %d errors; machine steal time over the run %.1f %%%n", soak.launches.get(),
				soak.pageViews.get(), soak.reflections.get(), soak.surveys.get(), soak.platform.scoresReceived(),
				soak.allErrors.get(), stealPercent(cpuBefore, cpuAfter));
		List<String> problems = verdict(samples, soak);
		System.out.println(problems.isEmpty() ? "verdict: FLAT" : "verdict: NOT FLAT\n- " + String.join("\n- ", problems));
		soak.platform.close();
		System.exit(problems.isEmpty() ? 0 : 1);
	}

	/** Registers the platform, signs staff in and opens the pre survey window in the soak course. */
	private void prepare() {
		this.platform.register();
		this.staff = this.platform.signIn("soak-staff", STAFF, Map.of("program_role", "staff"));
		if (this.staff == null) {
			throw new IllegalStateException("staff launch failed");
		}
		HttpResponse<String> window = this.staff.post(this.tool + "/course/surveys/mentor-prepost",
				Map.of("pre.opens", LocalDate.now().minusDays(1).toString(), "pre.closes",
						LocalDate.now().plusDays(7).toString()));
		if (window.statusCode() != 302) {
			throw new IllegalStateException("opening the survey window failed: " + window.statusCode());
		}
		Browser mentor = this.platform.signIn("soak-person-0", LEARNER, MENTOR);
		String form = mentor.get(this.tool + "/surveys/mentor-prepost/pre").body();
		Map<String, String> answers = new LinkedHashMap<>();
		Matcher radio = RADIO.matcher(form);
		while (radio.find()) {
			answers.putIfAbsent(radio.group(1), radio.group(2));
		}
		if (answers.isEmpty()) {
			throw new IllegalStateException("the survey page has no questions");
		}
		answers.put("action", "submit");
		this.surveyAnswers = Map.copyOf(answers);
	}

	private List<Sample> run(int minutes, int clients) throws Exception {
		long end = System.nanoTime() + minutes * 60_000_000_000L;
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			Thread client = new Thread(() -> {
				while (System.nanoTime() < end) {
					step(ThreadLocalRandom.current());
				}
				done.countDown();
			}, "soak-client-" + c);
			client.setDaemon(true);
			client.start();
		}
		List<Sample> samples = new ArrayList<>();
		samples.add(sample(0));
		for (int t = SAMPLE_SECONDS; System.nanoTime() < end; t += SAMPLE_SECONDS) {
			Thread.sleep(Math.min(SAMPLE_SECONDS * 1000L, Math.max(0, (end - System.nanoTime()) / 1_000_000)));
			samples.add(sample(t));
			System.out.println(samples.get(samples.size() - 1).row());
		}
		done.await();
		return samples;
	}

	/** One operation, chosen as a program's traffic mixes them: mostly reading, some writing, a few launches. */
	private void step(ThreadLocalRandom random) {
		int roll = random.nextInt(100);
		long t0 = System.nanoTime();
		boolean ok;
		try {
			Browser pooled = this.signedIn.get(random.nextInt(this.signedIn.length()));
			if (roll < 15 || pooled == null) {
				ok = launch(random);
			}
			else if (roll < 70) {
				ok = view(random, LEARNER_PAGES, pooled);
			}
			else if (roll < 78) {
				ok = view(random, STAFF_PAGES, this.staff);
			}
			else if (roll < 92) {
				ok = reflect(random, pooled);
			}
			else {
				ok = survey(random, pooled);
			}
		}
		catch (RuntimeException ex) {
			ok = false;
		}
		if (ok) {
			this.interval.add(System.nanoTime() - t0);
		}
		else {
			this.errors.incrementAndGet();
			this.allErrors.incrementAndGet();
		}
	}

	private boolean launch(ThreadLocalRandom random) {
		int person = (int) (this.people.incrementAndGet() % PEOPLE);
		Browser browser = this.platform.signIn("soak-person-" + person, LEARNER, MENTOR);
		if (browser == null) {
			return false;
		}
		this.launches.incrementAndGet();
		this.signedIn.set(person % this.signedIn.length(), browser);
		this.lastPerson.set(person % this.signedIn.length(), person);
		return true;
	}

	private boolean view(ThreadLocalRandom random, List<String> pages, Browser browser) {
		this.pageViews.incrementAndGet();
		return browser.get(this.tool + pages.get(random.nextInt(pages.size()))).statusCode() == 200;
	}

	private boolean reflect(ThreadLocalRandom random, Browser browser) {
		this.reflections.incrementAndGet();
		int status = browser.post(this.tool + "/exercises/" + EXERCISES.get(random.nextInt(EXERCISES.size()))
				+ "/reflection/submit", Map.of("text", "What I noticed when I asked instead of advising, take "
						+ random.nextInt(1000))).statusCode();
		return status / 100 == 3;
	}

	/** A pooled person's pre survey, once per person: a second submission is refused by design. */
	private boolean survey(ThreadLocalRandom random, Browser pooled) {
		int slot = random.nextInt(this.signedIn.length());
		Browser browser = this.signedIn.get(slot);
		if (browser == null || !this.surveyed.add(this.lastPerson.get(slot))) {
			return view(random, LEARNER_PAGES, pooled);
		}
		this.surveys.incrementAndGet();
		return browser.post(this.tool + "/surveys/mentor-prepost/pre", this.surveyAnswers).statusCode() == 302;
	}

	private Sample sample(int second) throws Exception {
		ConcurrentLinkedQueue<Long> latencies = this.interval;
		this.interval = new ConcurrentLinkedQueue<>();
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		if (!this.toolPid.isEmpty()) {
			new ProcessBuilder("jcmd", this.toolPid, "GC.run").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
		}
		Map<String, Double> metrics = prometheus();
		Map<String, Long> rows = new LinkedHashMap<>();
		try (Connection db = DriverManager.getConnection(this.jdbcUrl, "root", "");
				Statement statement = db.createStatement()) {
			for (String table : TABLES.keySet()) {
				String sql = table.contains(" ") ? "SELECT COUNT(*) FROM " + table.replace(" pending", "")
						+ " WHERE status = 'PENDING'" : "SELECT COUNT(*) FROM " + table;
				try (ResultSet rs = statement.executeQuery(sql)) {
					rs.next();
					rows.put(table, rs.getLong(1));
				}
			}
		}
		return new Sample(second, metrics.getOrDefault("heap", 0.0) / 1048576, metrics.getOrDefault("active", 0.0),
				metrics.getOrDefault("idle", 0.0), metrics.getOrDefault("pending", 0.0), sorted.length,
				ms(sorted, 0.50), ms(sorted, 0.99), this.errors.getAndSet(0), this.launches.get(),
				this.reflections.get(), this.surveys.get(), rows);
	}

	/** Used heap, and the pool's active, idle and pending connections, from the Prometheus endpoint. */
	private Map<String, Double> prometheus() throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(this.tool + "/actuator/prometheus"))
					.header("Authorization", "Bearer " + this.managementToken)
					.build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
		}
		Map<String, Double> values = new ConcurrentHashMap<>();
		for (String line : response.body().split("\n")) {
			if (line.startsWith("#")) {
				continue;
			}
			double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
				values.merge("heap", value, Double::sum);
			}
			else if (line.startsWith("hikaricp_connections_active{")) {
				values.merge("active", value, Double::sum);
			}
			else if (line.startsWith("hikaricp_connections_idle{")) {
				values.merge("idle", value, Double::sum);
			}
			else if (line.startsWith("hikaricp_connections_pending{")) {
				values.merge("pending", value, Double::sum);
			}
		}
		return values;
	}

	record Sample(int second, double heapMb, double active, double idle, double pending, int operations,
			double p50, double p99, int errors, long launches, long reflections, long surveys, Map<String, Long> rows) {

		String row() {
			StringBuilder row = new StringBuilder("| %d | %.0f | %.0f/%.0f/%.0f | %d | %.0f | %.0f | %d |".formatted(
					this.second, this.heapMb, this.active, this.idle, this.pending, this.operations, this.p50,
					this.p99, this.errors));
			this.rows.values().forEach(count -> row.append(' ').append(count).append(" |"));
			return row.toString();
		}

	}

	static String table(List<Sample> samples) {
		StringBuilder table = new StringBuilder("| s | heap after GC MB | pool active/idle/pending | operations | p50 ms | p99 ms | errors |");
		TABLES.keySet().forEach(name -> table.append(' ').append(name).append(" |"));
		table.append("\n|---:|---:|---:|---:|---:|---:|---:|");
		TABLES.keySet().forEach(name -> table.append("---:|"));
		samples.forEach(sample -> table.append('\n').append(sample.row()));
		return table.toString();
	}

	/**
	 * Flat means: heap after GC and p99 of the last third within 1.25× (heap, plus 16 MB) and
	 * 1.5× (p99) of the middle third; no request waiting for a connection in the last third; every
	 * table either bounded by housekeeping or grown by no more than the work that writes it.
	 */
	static List<String> verdict(List<Sample> samples, SoakDriver soak) {
		List<String> problems = new ArrayList<>();
		List<Sample> measured = samples.subList(1, samples.size());
		int third = measured.size() / 3;
		if (third == 0) {
			problems.add("too short to judge: run at least " + (3 * SAMPLE_SECONDS / 60.0) + " minutes");
			return problems;
		}
		List<Sample> middle = measured.subList(third, 2 * third);
		List<Sample> last = measured.subList(measured.size() - third, measured.size());
		double heapMiddle = median(middle.stream().mapToDouble(Sample::heapMb).toArray());
		double heapLast = median(last.stream().mapToDouble(Sample::heapMb).toArray());
		if (heapLast > 1.25 * heapMiddle + 16) {
			problems.add("heap after GC grew: %.0f MB in the middle third, %.0f MB in the last".formatted(heapMiddle, heapLast));
		}
		double p99Middle = median(middle.stream().mapToDouble(Sample::p99).toArray());
		double p99Last = median(last.stream().mapToDouble(Sample::p99).toArray());
		if (p99Last > 1.5 * p99Middle) {
			problems.add("p99 grew: %.0f ms in the middle third, %.0f ms in the last".formatted(p99Middle, p99Last));
		}
		if (last.stream().anyMatch(s -> s.pending() > 0)) {
			problems.add("requests waited for a database connection in the last third");
		}
		Sample first = samples.get(0);
		Sample end = samples.get(samples.size() - 1);
		Sample before = samples.get(samples.size() - 1 - third);
		for (Map.Entry<String, String> table : TABLES.entrySet()) {
			String name = table.getKey();
			long grown = end.rows().get(name) - first.rows().get(name);
			long lastThird = end.rows().get(name) - before.rows().get(name);
			long bound = switch (table.getValue()) {
				case "launches" -> end.launches() - first.launches();
				case "people" -> PEOPLE + 1;
				case "reflections" -> end.reflections() - first.reflections();
				// An exercise, the session it finishes, a survey: each a completion and a score.
				case "completions" -> 2 * (end.reflections() - first.reflections()) + end.surveys() - first.surveys();
				case "surveys" -> end.surveys() - first.surveys();
				// Pending scores: drained as they come, a backlog of at most one interval's completions.
				case "drained" -> Math.max(50, (end.reflections() - before.reflections()) / Math.max(1, third));
				default -> 0;
			};
			if ("drained".equals(table.getValue()) ? end.rows().get(name) > bound : grown > bound) {
				problems.add("%s grew by %d rows (%d in the last third), more than its bound %d (%s)".formatted(name,
						grown, lastThird, bound, table.getValue()));
			}
		}
		return problems;
	}

	private static Map<String, String> tables() {
		Map<String, String> tables = new LinkedHashMap<>();
		tables.put("access_session", "launches"); // one per launch, removed after an idle hour
		tables.put("lti_used_nonce", "launches"); // one per launch, removed with its token's expiry
		tables.put("lti_login_state", "launches"); // consumed by its launch
		tables.put("person", "people");
		tables.put("membership", "people");
		tables.put("reflection", "reflections");
		tables.put("completion", "completions");
		tables.put("lti_score", "completions");
		tables.put("lti_score pending", "drained");
		tables.put("assessment_response", "surveys");
		tables.put("outreach_outbox", "none"); // nothing in the soak queues mail
		return tables;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double ms(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	/** The machine's CPU ticks from /proc/stat: total and steal. */
	private static long[] cpuTicks() throws IOException {
		Path stat = Path.of("/proc/stat");
		if (!Files.exists(stat)) {
			return new long[] { 0, 0 };
		}
		String[] fields = Files.readAllLines(stat).get(0).trim().split("\\s+");
		long total = 0;
		for (int i = 1; i < fields.length && i <= 8; i++) {
			total += Long.parseLong(fields[i]);
		}
		return new long[] { total, fields.length > 8 ? Long.parseLong(fields[8]) : 0 };
	}

	private static double stealPercent(long[] before, long[] after) {
		long total = after[0] - before[0];
		return total == 0 ? 0 : 100.0 * (after[1] - before[1]) / total;
	}

}
