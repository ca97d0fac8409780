package org.coachapproach.lti;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Page load against a running tool with a realistic amount of recorded work: first signs in
 * {@code learners} people (each submits a reflection and reports watching a recording), then
 * 32 signed-in clients read session pages, then search the CFDS archive.
 * <p>
 * {@code benchmarks/pages.sh} starts the tool and runs this; by hand:
 * {@code java -cp <test classpath> org.coachapproach.lti.PageBenchmark http://localhost:8080 5000 20 32}
 */
public final class PageBenchmark {

	private static final List<String> SEARCHES = List.of("burnout", "promotion", "teaching", "bias", "leadership",
			"women in medicine", "goals", "clinical reasoning", "time management", "wellness", "feedback", "dossier");

	private static final List<String> EXERCISES = List.of("ex-promotion-case-review", "ex-advice-to-inquiry",
			"ex-listening-log", "ex-powerful-questions-journal");

	private static final List<String> RECORDINGS_TO_FIND = List.of("burnout", "promotion", "public speaking");

	public static void main(String[] args) throws Exception {
		String tool = args.length > 0 ? args[0] : "http://localhost:8080";
		int learners = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
		int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
		LaunchBenchmark platform = new LaunchBenchmark(tool);
		platform.register();

		long seeding = System.nanoTime();
		List<Browser> signedIn = seed(platform, tool, learners, clients);
		System.out.printf("seeded %d learners (launch, reflection submitted, recording progress) in %.0f s%n", learners,
				(System.nanoTime() - seeding) / 1e9);

		System.out.println("| page | clients | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
		run("session page (warm-up)", signedIn, Math.max(5, seconds / 2),
				random -> tool + "/sessions/" + (1 + random.nextInt(7)));
		System.out.println(run("session page `/sessions/{1..7}`", signedIn, seconds,
				random -> tool + "/sessions/" + (1 + random.nextInt(7))));
		run("archive search (warm-up)", signedIn, Math.max(5, seconds / 2), PageBenchmark::search);
		System.out.println(run("archive search `/series?q=…`", signedIn, seconds,
				random -> tool + search(random)));
		platform.stop();
	}

	private static String search(ThreadLocalRandom random) {
		String query = SEARCHES.get(random.nextInt(SEARCHES.size())).replace(" ", "+");
		return random.nextBoolean() ? "/series?q=" + query : "/series?q=" + query + "&category=promotion";
	}

	/** Signs in {@code learners} people with recorded work; keeps {@code keep} of them signed in. */
	private static List<Browser> seed(LaunchBenchmark platform, String tool, int learners, int keep) throws Exception {
		ConcurrentLinkedQueue<Browser> kept = new ConcurrentLinkedQueue<>();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger reflections = new AtomicInteger();
		AtomicInteger watching = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		for (int i = 0; i < learners; i++) {
			int n = i;
			pool.submit(() -> {
				Browser browser = platform.signIn("learner-" + n);
				if (browser == null) {
					failed.incrementAndGet();
					return;
				}
				String exercise = EXERCISES.get(n % EXERCISES.size());
				if (browser.post(tool + "/exercises/" + exercise + "/reflection/submit",
						Map.of("text", "Reflection " + n + ": what I noticed when I asked instead of advising."))
					.statusCode() / 100 == 3) {
					reflections.incrementAndGet();
				}
				String recording = "cfds-2022-09-" + (n % 2 == 0 ? "13" : "20");
				if (browser.post(tool + "/series/" + recording + "/progress",
						Map.of("position", String.valueOf(n % 3600), "duration", "3600")).statusCode() / 100 == 2) {
					watching.incrementAndGet();
				}
				if (kept.size() < keep) {
					kept.add(browser);
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.HOURS);
		System.out.printf("seeding: %d sign-ins failed, %d reflections submitted, %d recording progress reports stored%n",
				failed.get(), reflections.get(), watching.get());
		return new ArrayList<>(kept);
	}

	private static String run(String page, List<Browser> browsers, int seconds, Function<ThreadLocalRandom, String> url)
			throws InterruptedException {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<long[]> latencies = new ArrayList<>();
		AtomicInteger errors = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(browsers.size());
		long started = System.nanoTime();
		for (Browser browser : browsers) {
			long[] mine = new long[500_000];
			latencies.add(mine);
			new Thread(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				int n = 0;
				while (System.nanoTime() < end && n < mine.length) {
					long t0 = System.nanoTime();
					try {
						if (browser.get(url.apply(random)).statusCode() == 200) {
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
			}).start();
		}
		done.await();
		double elapsed = (System.nanoTime() - started) / 1e9;
		long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a).filter(v -> v > 0)).sorted().toArray();
		return "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d |".formatted(page, browsers.size(), all.length,
				all.length / elapsed, ms(all, 0.50), ms(all, 0.95), ms(all, 0.99),
				all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get());
	}

	private static double ms(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

}
