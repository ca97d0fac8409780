package org.coachapproach.lti;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
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
 */
public final class LaunchBenchmark {

	private final String tool;

	private final RSAKey key = TestPlatform.newKey();

	private final HttpServer platform;

	private final String issuer;

	LaunchBenchmark(String tool) throws IOException {
		this.tool = tool;
		this.platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.issuer = "http://127.0.0.1:" + this.platform.getAddress().getPort();
		this.platform.createContext("/.well-known/openid-configuration", ex -> json(ex, """
				{"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","registration_endpoint":"%1$s/register",
				 "jwks_uri":"%1$s/jwks","token_endpoint":"%1$s/token","scopes_supported":["openid"],
				 "https://purl.imsglobal.org/spec/lti-platform-configuration":{"product_family_code":"bench","version":"1"}}
				""".formatted(this.issuer)));
		this.platform.createContext("/register", ex -> {
			ex.getRequestBody().readAllBytes();
			json(ex, """
					{"client_id":"bench-client","https://purl.imsglobal.org/spec/lti-tool-configuration":{"deployment_id":"bench-deployment"}}
					""");
		});
		this.platform.createContext("/jwks", ex -> json(ex, new JWKSet(this.key.toPublicJWK()).toString()));
		this.platform.start();
	}

	public static void main(String[] args) throws Exception {
		String tool = args.length > 0 ? args[0] : "http://localhost:8080";
		int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		int[] levels = Arrays.stream((args.length > 2 ? args[2] : "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();
		int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 30;
		LaunchBenchmark benchmark = new LaunchBenchmark(tool);
		benchmark.register();
		// On two cores the JIT needs a while; measuring before it settles halves the figures.
		System.out.println("warm-up " + warmUp + " s: " + benchmark.run(8, warmUp));
		System.out.println("| clients | launches | launches/s | p50 ms | p95 ms | p99 ms | max ms | errors | driver CPU ms/launch |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (int clients : levels) {
			System.out.println(benchmark.run(clients, seconds));
		}
		benchmark.platform.stop(0);
	}

	void register() {
		// Behind a proxy the tool opens Dynamic Registration only with its registration secret.
		String key = System.getProperty("bench.registration-key", "");
		HttpResponse<String> response = new Browser().get(this.tool + "/lti/register?openid_configuration=" + this.issuer
				+ "/.well-known/openid-configuration&registration_token=bench" + (key.isEmpty() ? "" : "&key=" + key));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("registration failed: " + response.statusCode() + "\n" + response.body());
		}
	}

	private String run(int clients, int seconds) throws InterruptedException {
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
		long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).sorted().toArray();
		return "| %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %.2f |".formatted(clients, all.length,
				all.length / elapsed, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99),
				all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get(), driverCpuMs / Math.max(1, all.length));
	}

	/** One full launch as a fresh browser; true when the first page rendered. */
	private boolean launch(String user) {
		return signIn(user) != null;
	}

	/** A fresh browser signed in as {@code user} (first page rendered), or {@code null}. */
	Browser signIn(String user) {
		Browser browser = new Browser();
		HttpResponse<String> login = browser.get(this.tool + "/lti/login?iss=" + this.issuer + "&login_hint=" + user
				+ "&client_id=bench-client&lti_deployment_id=bench-deployment&target_link_uri=" + this.tool + "/lti/launch");
		String location = login.headers().firstValue("Location").orElse(null);
		if (location == null) {
			return null;
		}
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.audience("bench-client")
			.subject(user)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", Browser.queryParameter(location, "nonce"))
			.claim("name", "Bench " + user)
			.claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
			.claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
			.claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", "bench-deployment")
			.claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", this.tool + "/lti/launch")
			.claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "bench-link"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/roles",
					List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
			.claim("https://purl.imsglobal.org/spec/lti/claim/context", Map.of("id", "bench-course", "title", "Bench"))
			.build();
		HttpResponse<String> launched = browser.post(this.tool + "/lti/launch",
				Map.of("id_token", TestPlatform.sign(claims, this.key, this.key.getKeyID()), "state",
						Browser.queryParameter(location, "state")));
		return launched.statusCode() == 302 && browser.follow(launched).statusCode() == 200 ? browser : null;
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

	private static void json(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
