package org.coachapproach;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduled jobs on several instances: ShedLock on the real MariaDB, no mocks. */
@SpringBootTest
class ScheduledJobLocksTests {

	/**
	 * Jobs every instance must run for itself: each clears its own in-memory cache. (The outboxes
	 * poll on their own threads, not through the scheduler, on every instance: their rows are
	 * claimed with SKIP LOCKED, and a lock would leave delivery to one instance at a time.)
	 */
	static final Set<String> PER_INSTANCE = Set.of("ToolKeys.reload", "SessionFrameAncestors.forget",
			"Registrations.refreshFrameOrigins");

	@Autowired
	LockProvider lockProvider;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("taskScheduler")
	TaskScheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldRunALockedJobOnceWhenTwoInstancesFireItAtTheSameMoment() throws Exception {
		// This instance's lock provider, and another instance's on the same database.
		List<LockingTaskExecutor> instances = List.of(new DefaultLockingTaskExecutor(this.lockProvider),
				new DefaultLockingTaskExecutor(ScheduledJobLocks.provider(this.dataSource)));
		String job = "two-instances-" + System.nanoTime();
		AtomicInteger runs = new AtomicInteger();
		CountDownLatch fire = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(instances.size());
		try {
			List<Future<?>> fired = new ArrayList<>();
			for (LockingTaskExecutor instance : instances) {
				fired.add(threads.submit(() -> {
					fire.await();
					instance.executeWithLock((Runnable) () -> {
						runs.incrementAndGet();
						sleep(Duration.ofMillis(500));
					}, new LockConfiguration(Instant.now(), job, Duration.ofMinutes(1), Duration.ZERO));
					return null;
				}));
			}
			fire.countDown();
			for (Future<?> one : fired) {
				one.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(runs).as("runs of one job fired by two instances together").hasValue(1);
		// Released at the end (no lockAtLeastFor), so the next firing runs again.
		instances.get(1).executeWithLock((Runnable) runs::incrementAndGet,
				new LockConfiguration(Instant.now(), job, Duration.ofMinutes(1), Duration.ZERO));
		assertThat(runs).hasValue(2);
	}

	@Test
	void shouldTakeTheLockForJobsTheApplicationsSchedulerRuns() throws Exception {
		LockedJob job = new LockedJob();
		Method run = LockedJob.class.getDeclaredMethod("run");
		Instant at = Instant.now().plusMillis(200);

		ScheduledFuture<?> first = this.scheduler.schedule(new ScheduledMethodRunnable(job, run), at);
		ScheduledFuture<?> second = this.scheduler.schedule(new ScheduledMethodRunnable(job, run), at);
		first.get(30, TimeUnit.SECONDS);
		second.get(30, TimeUnit.SECONDS);

		assertThat(job.runs).as("the second firing, within lockAtLeastFor, is skipped").hasValue(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = ? AND lock_until > UTC_TIMESTAMP(3)")
			.param(LockedJob.NAME)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// Called directly (a test, a staff action), a job is not locked.
		job.run();
		assertThat(job.runs).hasValue(2);
	}

	@Test
	void shouldLockEveryScheduledJobButThePerInstanceOnes() throws Exception {
		Map<String, Boolean> locked = new TreeMap<>();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter((reader, factory) -> true);
		for (BeanDefinition definition : scanner.findCandidateComponents(CoachApproachApplication.class.getPackageName())) {
			Class<?> type = Class.forName(definition.getBeanClassName());
			if (type == LockedJob.class) {
				continue;
			}
			for (Method method : type.getDeclaredMethods()) {
				if (method.isAnnotationPresent(Scheduled.class)) {
					locked.put(type.getSimpleName() + "." + method.getName(),
							method.isAnnotationPresent(SchedulerLock.class));
				}
			}
		}

		assertThat(locked).containsKeys("ToolKeys.rotateWhenDue", "SeriesReminders.remindDue")
			.containsKeys(PER_INSTANCE.toArray(String[]::new));
		locked.forEach((job, hasLock) -> assertThat(hasLock)
			.as("%s: a @SchedulerLock, or a reason in PER_INSTANCE to run on every instance", job)
			.isEqualTo(!PER_INSTANCE.contains(job)));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static class LockedJob {

		static final String NAME = "scheduled-job-locks-test";

		final AtomicInteger runs = new AtomicInteger();

		@SchedulerLock(name = NAME, lockAtMostFor = "PT1M", lockAtLeastFor = "PT1M")
		void run() {
			this.runs.incrementAndGet();
		}

	}

}
