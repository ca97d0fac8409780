package org.coachapproach.lti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;

/**
 * Load driver for full LTI launches against a running tool: OIDC login initiation, id_token
 * POST (signed here, as the platform would) and the first page, per launch. It registers
 * itself with the tool through Dynamic Registration, then runs each concurrency level.
 * <p>
 * {@code benchmarks/launch.sh} starts the tool and runs this; by hand:
 * {@code java -cp <test classpath> org.coachapproach.lti.LaunchBenchmark http://localhost:8080 20 1,8,32 30}
 * (tool URL, seconds per level, client counts, warm-up seconds); {@code -Dbench.registration-key=<secret>}
 * when the tool has {@code coachapproach.lti.registration-secret} set ({@code ops/cluster/cluster.sh launches}).
 * <p>
 * Optional, as {@code benchmarks/launch.sh} sets them: {@code -Dbench.cold=true} runs the levels
 * once at once, before the warm-up (the first minute after a start), and again after it;
 * {@code -Dbench.up-at-ms} (epoch milliseconds of the tool's health UP) dates them;
 * {@code -Dbench.tool-pid}, {@code -Dbench.db-pid} add the CPU per launch of those processes
 * (from {@code /proc/<pid>/stat}, {@code -Dbench.clock-ticks} per second, 100 by default);
 * {@code -Dbench.db-port} adds the statements per launch (MariaDB's {@code Questions} counter,
 * as root without a password: the embedded server), background jobs' statements included.
 * <p>
 * {@code -Dbench.target=ltijs} drives {@code benchmarks/ltijs/server.js} instead (ltijs 5.9, the
 * baseline of issue 16): login at {@code /login}, the id_token posted to {@code /}, then the
 * redirect with ltijs's {@code ltik} to its first page; the platform is registered through that
 * server's {@code /bench/register} (issuer and public key) rather than Dynamic Registration.
 */
public final class LaunchBenchmark {

	private final String tool;

	private final RSAKey key = TestPlatform.newKey();

	private final HttpServer platform;

	private final String issuer;

	/** Where a launch starts and where its id_token goes: the tool's, or ltijs's with its defaults. */
	private final String loginPath;

	private final String launchPath;

	private final boolean ltijs = "ltijs".equals(System.getProperty("bench.target", "tool"));

	LaunchBenchmark(String tool) throws IOException {
		this.tool = tool;
		this.loginPath = this.ltijs ? "/login" : "/lti/login";
		this.launchPath = this.ltijs ? "/" : "/lti/launch";
		this.platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuer = "http://127.0.0.1:" + this.platform.getAddress().getPort();
		this.platform.createContext("/.well-known/openid-configuration", ex -> Exchanges.json(ex, 200, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","registration_endpoint":"%1$s/register",
				 "jwks_uri":"%1$s/jwks","token_endpoint":"%1$s/token","scopes_supported":["openid"],
				 "https://purl.imsglobal.org/spec/lti-platform-configuration":{"product_family_code":"bench","version":"1"}}
				""".formatted(this.issuer)));
		this.platform.createContext("/register", ex -> {
			ex.getRequestBody().readAllBytes();
			Exchanges.json(ex, 200, """
					{"client_id":"bench-client","https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"bench-deployment"}}
					""");
		});
		this.platform.createContext("/jwks", ex -> Exchanges.json(ex, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.platform.start();
	}

	public static void main(String[] args) throws Exception {
		String tool = args.length > 0 ? args[0] : "http://localhost:8080";
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		int[] levels = Arrays.stream((args.length > 2 ? args[2] : "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();
		int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 30;
		LaunchBenchmark benchmark = new LaunchBenchmark(tool);
		try {
			benchmark.measure(seconds, levels, warmUp);
		}
		finally {
			// Its server thread would keep this JVM, and the script waiting on it, alive after an error.
			benchmark.stop();
		}
	}

	private void measure(int seconds, int[] levels, int warmUp) throws InterruptedException {
		Meters meters = Meters.fromSystemProperties();
		// Seconds are counted from the tool's health UP when the script says when that was.
		long upAt = Long.getLong("bench.up-at-ms", System.currentTimeMillis());
		register();
		StringBuilder cold = new StringBuilder();
		if (Boolean.getBoolean("bench.cold")) {
			// Before the JIT has settled: what users see in the first minute after a start.
			for (int clients : levels) {
				long from = (System.currentTimeMillis() - upAt) / 1000;
				cold.append(run(clients, seconds, meters, "cold, s %d–%d".formatted(from, from + seconds)))
					.append('\n');
			}
		}
		// On two cores the JIT needs a while; measuring before it settles halves the figures.
		String warm = run(8, warmUp, meters, "warm-up");
		System.out.println("warm-up " + warmUp + " s: " + warm);
		System.out.println("| clients | launches | launches/s | p50 ms | p95 ms | p99 ms | max ms | errors"
				+ " | driver CPU ms/launch | tool CPU ms/launch | MariaDB CPU ms/launch | statements/launch | phase |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
		System.out.print(cold);
		for (int clients : levels) {
			System.out.println(run(clients, seconds, meters, "after " + warmUp + " s warm-up"));
		}
	}

	void register() {
		if (this.ltijs) {
			registerWithLtijs();
			return;
		}
		// Behind a proxy the tool opens Dynamic Registration only with its registration secret.
		String key = System.getProperty("bench.registration-key", "");
		String url = this.tool + "/lti/register?openid_configuration=" + this.issuer
				+ "/.well-known/openid-configuration&registration_token=bench" + (key.isEmpty() ? "" : "&key=" + key);
		HttpResponse<String> response = new Browser().get(url);
		// 502: the tool did not hear from this platform within its timeout, as on a machine starved of CPU.
		for (int retry = 0; retry < 2 && response.statusCode() == 502; retry++) {
			response = new Browser().get(url);
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException("registration failed: " + response.statusCode() + "\n" + response.body());
		}
	}

	private void registerWithLtijs() {
		String publicKey;
		try {
			publicKey = "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' })
						.encodeToString(this.key.toRSAPublicKey().getEncoded())
					+ "\n-----END PUBLIC KEY-----\n";
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		HttpResponse<String> response = new Browser().post(this.tool + "/bench/register",
				Map.of("issuer", this.issuer, "publicKey", publicKey));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("ltijs registration failed: " + response.statusCode() + "\n" + response.body());
		}
	}

	private String run(int clients, int seconds, Meters meters, String phase) throws InterruptedException {
		Meters.Sample before = meters.sample();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<long[]> latencies = new ArrayList<>();
		AtomicInteger errors = new AtomicInteger();
		AtomicLong users = new AtomicLong();
		CountDownLatch done = new CountDownLatch(clients);
		long started = System.nanoTime();
		long cpuBefore = processCpuNanos();
		for (int c = 0; c < clients; c++) {
			long[] mine = new long[200_000];
			latencies.add(mine);
			new Thread(() -> {
				int n = 0;
				while (System.nanoTime() < end && n < mine.length) {
					long t0 = System.nanoTime();
					try {
						if (launch("bench-user-" + (users.incrementAndGet() % 1000))) {
							mine[n++] = System.nanoTime() - t0;
						}
						else {
							errors.incrementAndGet();
						}
					}
					catch (RuntimeException ex) {
						errors.incrementAndGet();
					}
				}
				done.countDown();
			}, "launch-client-" + c).start();
		}
		done.await();
		double elapsed = (System.nanoTime() - started) / 1e9;
		double driverCpuMs = (processCpuNanos() - cpuBefore) / 1e6;
		Meters.Sample after = meters.sample();
		long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).sorted().toArray();
		int launches = Math.max(1, all.length);
		return "| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %.2f | %s | %s | %s | %s |".formatted(clients,
				all.length, all.length / elapsed, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99),
				all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get(), driverCpuMs / launches,
				perLaunch(meters.toolCpuMs(before, after), launches, "%.2f"),
				perLaunch(meters.dbCpuMs(before, after), launches, "%.2f"),
				perLaunch(meters.statements(before, after), launches, "%.1f"), phase);
	}

	private static String perLaunch(double total, int launches, String format) {
		return Double.isNaN(total) ? "–" : format.formatted(total / launches);
	}

	/**
	 * CPU of the tool's and the database's processes and the database's statement counter, each
	 * read when its process id or port is given; {@code NaN} figures otherwise.
	 */
	record Meters(long toolPid, long dbPid, int dbPort, int clockTicks) {

		record Sample(long toolTicks, long dbTicks, long questions) {
		}

		static Meters fromSystemProperties() {
			return new Meters(Long.getLong("bench.tool-pid", -1), Long.getLong("bench.db-pid", -1),
					Integer.getInteger("bench.db-port", -1), Integer.getInteger("bench.clock-ticks", 100));
		}

		Sample sample() {
			return new Sample(ticks(this.toolPid), ticks(this.dbPid), questions());
		}

		double toolCpuMs(Sample before, Sample after) {
			return cpuMs(before.toolTicks(), after.toolTicks());
		}

		double dbCpuMs(Sample before, Sample after) {
			return cpuMs(before.dbTicks(), after.dbTicks());
		}

		/** Statements the server ran in between, less the second sample's own. */
		double statements(Sample before, Sample after) {
			return before.questions() < 0 || after.questions() < 0 ? Double.NaN : after.questions() - before.questions() - 1;
		}

		private double cpuMs(long before, long after) {
			return before < 0 || after < 0 ? Double.NaN : (after - before) * 1000.0 / this.clockTicks;
		}

		/** User plus system time of a process, in clock ticks: fields 14 and 15 of its stat line. */
		static long ticks(long pid) {
			if (pid < 0) {
				return -1;
			}
			try {
				return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the CPU time of process " + pid, ex);
			}
		}

		static long cpuTicks(String stat) {
			// The command name (field 2) may hold spaces and parentheses; the fields after it are plain.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}

		private long questions() {
			if (this.dbPort < 0) {
				return -1;
			}
			try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + this.dbPort + "/",
					"root", "");
					ResultSet status = connection.createStatement()
						.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
				status.next();
				return status.getLong(2);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot read MariaDB's statement counter on port " + this.dbPort, ex);
			}
		}

	}

	/** One full launch as a fresh browser; true when the first page rendered. */
	private boolean launch(String user) {
		return signIn(user) != null;
	}

	/**
	 * A fresh browser signed in as {@code user} (first page rendered, greeting them), or {@code null}
	 * when the launch or its page failed; a login that does not redirect throws.
	 */
	Browser signIn(String user) {
		Browser browser = new Browser();
		String target = this.tool + this.launchPath;
		HttpResponse<String> launched = TestPlatform.launch(browser,
				this.tool + this.loginPath + "?iss=" + this.issuer + "&login_hint=" + user
						+ "&client_id=bench-client&lti_deployment_id=bench-deployment&target_link_uri=" + target,
				target, this.key, nonce -> claims(user, nonce, target));
		if (launched.statusCode() != 302) {
			return null;
		}
		// Both first pages greet the person by the name the id_token carried: not an error page.
		HttpResponse<String> page = browser.follow(launched);
		return page.statusCode() == 200 && page.body().contains("Welcome, Bench " + user) ? browser : null;
	}

	private JWTClaimsSet claims(String user, String nonce, String target) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience("bench-client")
			.subject(user)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", nonce)
			.claim("name", "Bench " + user)
			.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
			.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
			.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "bench-deployment")
			.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", target)
			.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "bench-link"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
					List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "bench-course", "title", "Bench"))
			.build();
	}

	void stop() {
		this.platform.stop(0);
	}

	/** CPU time this driver process used: signing the platform's tokens and its HTTP clients. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static double ms(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

}
