package org.coachapproach.lti;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CPU figures of {@code benchmarks/launch.sh} come from {@code /proc/<pid>/stat}. */
class LaunchBenchmarkMetersTests {

	@Test
	void shouldAddUserAndSystemTicksAfterACommandNameWithSpaces() {
		String stat = "4242 (C2 Compiler) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 7 8 20 0 40 0 100 0 0";

		assertThat(LaunchBenchmark.Meters.cpuTicks(stat)).isEqualTo(1234 + 56);
	}

	@Test
	void shouldSeeThisProcessSpendCpu() {
		long pid = ProcessHandle.current().pid();
		long before = LaunchBenchmark.Meters.ticks(pid);
		long spin = System.nanoTime() + 300_000_000L;
		double sink = 0;
		while (System.nanoTime() < spin) {
			sink += Math.sqrt(sink + 1);
		}

		assertThat(sink).isPositive();
		assertThat(LaunchBenchmark.Meters.ticks(pid)).isGreaterThan(before);
	}

	@Test
	void shouldLeaveAFigureOutWhenNoProcessIsGiven() {
		LaunchBenchmark.Meters meters = new LaunchBenchmark.Meters(-1, -1, -1, 100);
		LaunchBenchmark.Meters.Sample sample = meters.sample();

		assertThat(meters.toolCpuMs(sample, sample)).isNaN();
		assertThat(meters.statements(sample, sample)).isNaN();
	}

}
