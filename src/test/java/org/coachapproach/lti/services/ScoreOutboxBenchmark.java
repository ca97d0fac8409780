package org.coachapproach.lti.services;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.CoachApproachApplication;
import org.coachapproach.lti.TestPlatform;
import org.coachapproach.lti.placement.ContentCatalog;
import org.coachapproach.lti.placement.DeepLinkingRequest;
import org.coachapproach.lti.placement.DeepLinkingResponses;
import org.coachapproach.lti.placement.PlacedItem;
import org.coachapproach.lti.registration.Registration;
import org.coachapproach.lti.registration.RegistrationRequest;
import org.coachapproach.lti.registration.Registrations;
import org.coachapproach.people.Arrival;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.Member;
import org.coachapproach.people.People;
import org.coachapproach.people.PersonId;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores delivered per second through the outbox to a local platform endpoint (the stub's
 * token, line item and score endpoints over loopback HTTP), and the time to sign a
 * deep-linking response. Runs the tool in-process on its embedded MariaDB.
 * <p>
 * {@code benchmarks/scores.sh} runs it; by hand:
 * {@code java -Xmx512m -cp <test classpath> org.coachapproach.lti.services.ScoreOutboxBenchmark 2000 3}
 * (scores per round, rounds).
 */
public final class ScoreOutboxBenchmark {


	public static void main(String[] args) throws Exception {
		// The JDK's little HTTP server (the stub platform) leaves Nagle's algorithm on, which with
		// delayed ACKs costs 40 ms per exchange; real platforms (and Tomcat) turn it off.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		int scores = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		try (StubPlatformServices stub = new StubPlatformServices();
				ConfigurableApplicationContext tool = new SpringApplication(CoachApproachApplication.class).run(
						"--server.port=0", "--coachapproach.embedded-db.directory=target/bench-scores/mariadb",
						"--coachapproach.embedded-db.recreate-database=true", "--coachapproach.demo.enabled=false",
						"--coachapproach.lti.scores.poll=PT1H", "--logging.level.root=warn")) {
			String port = tool.getEnvironment().getRequiredProperty("local.server.port");
			stub.trustTool("http://localhost:" + port + "/lti/jwks");
			Registration registration = tool.getBean(Registrations.class)
				.register(new RegistrationRequest(StubPlatformServices.ISSUER, TestPlatform.CLIENT_ID, "Benchmark platform",
						stub.url("/authorize"), stub.url("/token"), stub.url("/jwks"), List.of(TestPlatform.DEPLOYMENT_ID),
						false, Set.of(), "benchmark"));
			JdbcClient jdbc = tool.getBean(JdbcClient.class);
			People people = tool.getBean(People.class);
			ScoreOutbox outbox = tool.getBean(ScoreOutbox.class);
			TransactionTemplate transactions = tool.getBean(TransactionTemplate.class);

			List<Member> members = new ArrayList<>();
			for (int i = 0; i < scores; i++) {
				members.add(people.arrive(new Arrival(StubPlatformServices.ISSUER, "bench-" + i, "Bench Person " + i, null,
						"course-7", "Benchmark course", null, Set.of(CourseRole.LEARNER), null)));
			}
			tool.getBean(CourseServices.class).remember(members.get(0), registration, TestPlatform.DEPLOYMENT_ID,
					Map.of("scope", List.of(CourseService.LINE_ITEM_SCOPE, CourseService.SCORE_SCOPE), "lineitems",
							stub.url("/courses/7/line_items")),
					Map.of(), Map.of());

			// One exercise per round, so each round posts to its own line item.
			List<PlacedItem> items = tool.getBean(ContentCatalog.class).offers().stream().map(o -> o.item())
				.filter(i -> i.kind() == PlacedItem.Kind.EXERCISE).toList();
			System.out.printf("Scores through the outbox to a loopback platform: %d per round, %d workers, %d cores%n", scores,
					tool.getEnvironment().getProperty("coachapproach.lti.scores.workers", Integer.class, 8),
					Runtime.getRuntime().availableProcessors());
			for (int round = 0; round <= rounds; round++) {
				PlacedItem item = items.get(round % items.size());
				int before = stub.scores.size();
				long t0 = System.nanoTime();
				transactions.executeWithoutResult(status -> members
					.forEach(m -> outbox.add(m.course(), m.person(), item)));
				long queued = System.nanoTime();
				while (stub.scores.size() - before < scores) {
					Thread.sleep(5);
				}
				long done = System.nanoTime();
				int sent = jdbc.sql("SELECT COUNT(*) FROM lti_score WHERE status = 'SENT' AND item_key = ?")
					.param(item.key()).query(Integer.class).single();
				System.out.printf("%s: queued in %d ms, all %d delivered %d ms after commit: %.0f scores/s (rows SENT: %d)%n",
						round == 0 ? "warm-up" : "round " + round, (queued - t0) / 1_000_000, scores,
						(done - queued) / 1_000_000, scores / ((done - queued) / 1e9), sent);
			}
			System.out.printf("score posts received: %d, token requests: %d%n", stub.scoreRequests.get(), stub.tokenRequests.get());

			DeepLinkingResponses responses = tool.getBean(DeepLinkingResponses.class);
			ContentCatalog catalog = tool.getBean(ContentCatalog.class);
			List<DeepLinkingResponses.Choice> choices = catalog.offers().stream().limit(10)
				.map(o -> new DeepLinkingResponses.Choice(o, o.title(), o.gradable() ? 10 : null)).toList();
			DeepLinkingRequest request = new DeepLinkingRequest("x".repeat(43), registration.id(),
					TestPlatform.DEPLOYMENT_ID, new PersonId(1), "https://platform.test/return", "data", true, true, null,
					Instant.now().plusSeconds(600), null);
			long[] nanos = new long[5000];
			for (int i = -1000; i < nanos.length; i++) {
				long t = System.nanoTime();
				responses.sign(registration, request, choices, "https://tool.test/lti/launch");
				if (i >= 0) {
					nanos[i] = System.nanoTime() - t;
				}
			}
			Arrays.sort(nanos);
			System.out.printf("Deep-linking response with 10 items, signed (RS256, 2048-bit): median %.2f ms, p99 %.2f ms (%d signatures)%n",
					nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 99 / 100] / 1e6, nanos.length);
			System.gc();
			System.out.printf("heap used after GC: %d MB (max %d MB)%n",
					ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024),
					Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
	}

}
