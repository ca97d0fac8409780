package org.coachapproach.assessment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.coachapproach.CoachApproachApplication;
import org.coachapproach.assessment.internal.imports.CohortWriter;
import org.coachapproach.assessment.internal.report.CohortReader;
import org.coachapproach.assessment.internal.report.PrePostAnalysis;
import org.coachapproach.assessment.internal.report.WaveAnalysis;
import org.coachapproach.assessment.internal.responses.Pseudonyms;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.Arrival;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.People;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full pre/post report of a cohort from MariaDB: per item and per scale score, with
 * Holm-adjusted p, plus response rates, serialised to JSON as the export sends it. Starts the
 * application (embedded MariaDB, no web server), seeds each cohort size into a course of its
 * own (every respondent pre and post, 60 scale items, plus demographics), then times the
 * report, cold and warm, with and without a subgroup breakdown.
 * <p>
 * {@code benchmarks/survey-report.sh} runs it with {@code -Xmx256m}; by hand:
 * {@code java -Xmx256m -cp <test classpath> org.coachapproach.assessment.SurveyReportBenchmark 1000,10000,50000}
 */
public final class SurveyReportBenchmark {

	static final int ITEMS = 60;

	static final int SECTIONS = 6;

	public static void main(String[] args) throws Exception {
		int[] sizes = Stream.of((args.length > 0 ? args[0] : "1000,10000,50000").split(",")).mapToInt(Integer::parseInt).toArray();
		String dbDir = args.length > 1 ? args[1] : "target/bench-survey-report/mariadb";
		Path curriculum = benchCurriculum(Path.of("target/bench-survey-report/curriculum"));
		ConfigurableApplicationContext context = new SpringApplication(CoachApproachApplication.class).run(
				"--spring.main.web-application-type=none", "--coachapproach.demo.enabled=false",
				"--coachapproach.curriculum.location=" + curriculum, "--coachapproach.embedded-db.directory=" + dbDir,
				"--logging.level.root=WARN");
		try {
			run(context, sizes);
		}
		finally {
			context.close();
		}
	}

	private static void run(ConfigurableApplicationContext context, int[] sizes) {
		Curriculum curriculum = context.getBean(Curriculum.class);
		Instrument instrument = curriculum.instrument("bench-sixty").orElseThrow();
		PrePostAnalysis analysis = context.getBean(PrePostAnalysis.class);
		WaveAnalysis waves = context.getBean(WaveAnalysis.class);
		JsonMapper json = JsonMapper.builder().build();
		System.out.printf("max heap %d MB, answers given in %s, %.0f %% of answer cells blank%n",
				Runtime.getRuntime().maxMemory() / (1024 * 1024), ORIGIN, MISSING * 100);
		CohortReader reader = context.getBean(CohortReader.class);
		List<String> keys = instrument.items().stream().map(Instrument.Item::id).toList();
		System.out.println("| respondents | answer cells | seed s | report cold ms | report warm ms (median of 5) | of which reading ms | with subgroup ms | with two crossed ms | JSON KB | heap peak MB |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (int size : sizes) {
			long seedStart = System.nanoTime();
			CourseId course = seed(context, curriculum, instrument, size);
			double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
			System.gc();
			resetPeaks();
			// As the report page does: answers given in the tool are released first (a no-op for synthetic ones).
			org.coachapproach.assessment.internal.report.ReleaseBatches releases = context
				.getBean(org.coachapproach.assessment.internal.report.ReleaseBatches.class);
			long cold = time(() -> {
				releases.releaseDue(course);
				report(analysis, waves, json, curriculum, course, instrument, null, null);
			});
			List<Long> warm = new ArrayList<>();
			int bytes = 0;
			for (int i = 0; i < 5; i++) {
				long t0 = System.nanoTime();
				bytes = report(analysis, waves, json, curriculum, course, instrument, null, null);
				warm.add((System.nanoTime() - t0) / 1_000_000);
			}
			warm.sort(null);
			List<Long> reading = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				reading.add(time(() -> reader.paired(course, instrument, Wave.PRE, Wave.POST, keys, List.of())));
			}
			reading.sort(null);
			long subgroup = time(() -> report(analysis, waves, json, curriculum, course, instrument, "gender-identity", null));
			long crossed = time(() -> report(analysis, waves, json, curriculum, course, instrument, "gender-identity", "rank"));
			System.out.printf("| %,d | %,d | %.1f | %d | %d | %d | %d | %d | %d | %d |%n", size, (long) size * ITEMS * 2,
					seedSeconds, cold, warm.get(2), reading.get(2), subgroup, crossed, bytes / 1024, peakHeapMb());
		}
	}

	private static int report(PrePostAnalysis analysis, WaveAnalysis waves, JsonMapper json, Curriculum curriculum,
			CourseId course, Instrument instrument, String subgroup, String cross) {
		PrePostReport report = analysis.report(course, instrument, Wave.POST, Adjustment.HOLM, subgroup, cross);
		List<ResponseRate> rates = waves.responseRates(course, List.of(instrument));
		if (report.pairs() == null || report.items().size() != ITEMS || report.items().get(0).suppressed()
				|| (cross != null && report.intersections().isEmpty())) {
			throw new IllegalStateException("unexpected report: " + report.pairs());
		}
		return json.writeValueAsBytes(Map.of("responseRates", rates, "prePost", report)).length;
	}

	/**
	 * How the seeded answers arrived: SYNTHETIC (the default) counts at once; TOOL (answered in
	 * the tool, {@code -Dcoachapproach.bench.origin=TOOL}) goes through the release batches and
	 * the per-figure publication, whose first report writes who each figure rests on.
	 */
	private static final String ORIGIN = System.getProperty("coachapproach.bench.origin", "SYNTHETIC");

	/**
	 * The share of answer cells left blank, at random, as a real export has them
	 * ({@code -Dcoachapproach.bench.missing=0}: every cell answered).
	 */
	private static final double MISSING = Double.parseDouble(System.getProperty("coachapproach.bench.missing", "0.10"));

	private static CourseId seed(ConfigurableApplicationContext context, Curriculum curriculum, Instrument instrument,
			int size) {
		People people = context.getBean(People.class);
		CohortWriter writer = context.getBean(CohortWriter.class);
		Pseudonyms pseudonyms = context.getBean(Pseudonyms.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		String contextId = "bench-" + size + "-" + System.nanoTime();
		CourseId course = people.arrive(new Arrival("https://bench.example", "bench-staff-" + contextId, "Bench Staff", null,
				contextId, "Benchmark " + size, "B", EnumSet.of(CourseRole.ADMINISTRATOR), null)).course();
		Random random = new Random(size);
		String[] genders = { "woman", "man", "non-binary", "prefer-not-to-say" };
		String[] ranks = { "assistant", "associate", "full", "prefer-not-to-say" };
		int batch = 2000;
		for (int from = 0; from < size; from += batch) {
			List<CohortWriter.Submitted> responses = new ArrayList<>();
			for (int r = from; r < Math.min(size, from + batch); r++) {
				byte[] key = pseudonyms.ofExternal(course, "bench-" + r);
				Map<String, String> pre = new LinkedHashMap<>();
				Map<String, String> post = new LinkedHashMap<>();
				double trait = random.nextGaussian() * 0.5;
				for (int i = 0; i < ITEMS; i++) {
					double before = 3 + trait + random.nextGaussian() * 0.7;
					String after = point(before + 0.3 + random.nextGaussian() * 0.6);
					if (random.nextDouble() >= MISSING) {
						pre.put(itemId(i), point(before));
					}
					if (random.nextDouble() >= MISSING) {
						post.put(itemId(i), after);
					}
				}
				responses.add(new CohortWriter.Submitted(key, instrument.id(), Wave.PRE, pre));
				responses.add(new CohortWriter.Submitted(key, instrument.id(), Wave.POST, post));
				responses.add(new CohortWriter.Submitted(key, "demographics", Wave.ONCE,
						Map.of("gender-identity", genders[random.nextInt(genders.length)], "rank",
								ranks[random.nextInt(ranks.length)])));
			}
			transactions.executeWithoutResult(status -> writer.write(course, ORIGIN, curriculum.contentHash(), responses));
		}
		return course;
	}

	/** The real curriculum plus a 60-item, 6-section pre/post instrument. */
	static Path benchCurriculum(Path target) throws IOException {
		if (Files.exists(target)) {
			try (Stream<Path> files = Files.walk(target)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Path source = Path.of("curriculum");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy);
				}
			}
		}
		StringBuilder yml = new StringBuilder("""
				id: bench-sixty
				title: Benchmark instrument
				intro: Sixty scale items in six sections, for the report benchmark only.
				audience: [mentor]
				waves: [pre, post]
				sections:
				""");
		for (int s = 0; s < SECTIONS; s++) {
			yml.append("  - id: section-").append(s + 1).append("\n    title: Section ").append(s + 1)
				.append("\n    scored: true\n    items:\n");
			for (int i = s * ITEMS / SECTIONS; i < (s + 1) * ITEMS / SECTIONS; i++) {
				yml.append("      - id: ").append(itemId(i)).append("\n        type: scale\n        scale: extent\n")
					.append("        text: \"Benchmark item ").append(i + 1).append("\"\n");
			}
		}
		Files.writeString(target.resolve("instruments/bench-sixty.yml"), yml.toString());
		return target.toAbsolutePath();
	}

	private static String itemId(int i) {
		return String.format("bench-q%02d", i + 1);
	}

	private static String point(double value) {
		return String.valueOf(Math.max(1, Math.min(5, (int) Math.round(value))));
	}

	private static long time(Runnable run) {
		long t0 = System.nanoTime();
		run.run();
		return (System.nanoTime() - t0) / 1_000_000;
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** Sum of the heap pools' peaks since the reset: an upper bound of the heap the reports needed. */
	private static long peakHeapMb() {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed())
			.sum() / (1024 * 1024);
	}

}
