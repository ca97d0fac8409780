package org.coachapproach.lti.services;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.coachapproach.outbox.Claim;
import org.coachapproach.outbox.Delivery;
import org.coachapproach.outbox.Outbox;
import org.coachapproach.outbox.OutboxSettings;
import org.coachapproach.outbox.OutboxTable;
import org.coachapproach.outbox.Outboxes;
import org.coachapproach.people.CourseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Roster syncs as rows of {@code lti_roster_sync}, run through the shared {@link Outbox}: a
 * request survives a crash, any instance may run it, a claim under a lease keeps two instances
 * from running one course's sync at once, and a failed sync is retried with backoff until it
 * is given up and shown to staff. Rosters older than the configured period are queued again.
 */
@Component
public class RosterSyncQueue implements SmartLifecycle {

	static final OutboxTable TABLE = new OutboxTable("lti_roster_sync", "PENDING", false, 1000);

	static final String METER = "coachapproach.roster.syncs";

	private static final Logger log = LoggerFactory.getLogger(RosterSyncQueue.class);

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final RosterSyncRows rows;

	private final RosterSync sync;

	private final Clock clock;

	private final RosterProperties settings;

	private final MeterRegistry meters;

	private final Outbox outbox;

	RosterSyncQueue(Outboxes outboxes, RosterSyncRows rows, RosterSync sync, Clock clock, RosterProperties settings,
			MeterRegistry meters) {
		this.rows = rows;
		this.sync = sync;
		this.clock = clock;
		this.settings = settings;
		this.meters = meters;
		// One course per claim: each sync holds its own lease.
		this.outbox = outboxes.open("roster-sync", TABLE,
				new OutboxSettings(1, Duration.ZERO, settings.poll(), settings.retryBase(),
						MAX_BACKOFF.compareTo(settings.retryBase()) < 0 ? settings.retryBase() : MAX_BACKOFF,
						settings.maxAttempts(), settings.lease(), Duration.ofSeconds(10)),
				this::deliver);
	}

	/** In the launch's transaction, so the request is kept exactly when the launch is. */
	@EventListener
	void on(RosterSyncRequested request) {
		request(request.course());
	}

	/** Queues a sync of the course's roster (in the caller's transaction, if any); it starts after commit. */
	public void request(CourseId course) {
		this.rows.request(course, this.clock.instant());
		this.outbox.wakeAfterCommit();
	}

	/** The course's latest sync request, if it ever had one. */
	public Optional<RosterSyncState> state(CourseId course) {
		return this.rows.state(course, this.clock.instant());
	}

	/** Queues a sync for every course whose roster is older than the period; returns how many. */
	@SchedulerLock(name = "roster-sync-due", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	@Scheduled(fixedDelayString = "${coachapproach.lti.roster.check:PT15M}", initialDelayString = "PT2M")
	public int queueDue() {
		List<CourseId> due = this.rows.stale(this.clock.instant().minus(this.settings.period()));
		due.forEach(this::request);
		return due.size();
	}

	/** Runs claimed syncs now (tests); the running instance also does this on its own thread. */
	int drain() {
		return this.outbox.drain();
	}

	private Map<Long, Delivery> deliver(List<Claim> batch) {
		Map<Long, Delivery> outcomes = new HashMap<>();
		for (Claim claim : batch) {
			Optional<CourseId> course = this.rows.course(claim.id());
			if (course.isEmpty()) {
				continue;
			}
			outcomes.put(claim.id(), run(course.get(), claim.attempt()));
		}
		return outcomes;
	}

	private Delivery run(CourseId course, int attempt) {
		try {
			this.sync.sync(course);
			count("done");
			return Delivery.delivered();
		}
		catch (ServiceCallException ex) {
			if (!ex.retryable() && !ex.unauthorized()) {
				count("failed");
				return new Delivery.Failed(ex.getMessage(), ex.status());
			}
			count(attempt >= this.settings.maxAttempts() ? "failed" : "retried");
			log.info("Roster sync for course {} failed (attempt {}): {}", course, attempt, ex.getMessage());
			return new Delivery.Retry(ex.getMessage(), ex.status(), ex.retryAfter());
		}
	}

	private void count(String outcome) {
		this.meters.counter(METER, "outcome", outcome).increment();
	}

	@Override
	public void start() {
		this.outbox.start();
	}

	@Override
	public void stop() {
		this.outbox.stop();
	}

	@Override
	public boolean isRunning() {
		return this.outbox.isRunning();
	}

}
