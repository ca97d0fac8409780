package org.coachapproach.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One queue table's delivery. {@link #drain()} claims due rows batch by batch and records
 * each outcome; {@link #start()} runs it on a thread of its own, on a timer and whenever
 * {@link #wake()} says something was queued; {@link #stop()} stops claiming, lets the batch in
 * flight finish within the drain timeout and gives back the rows it could not finish. Any
 * number of instances (and threads) may drain one table: a row is claimed by one at a time.
 */
public final class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final String name;

	private final QueueRows rows;

	private final OutboxSettings settings;

	private final Courier courier;

	private final Clock clock;

	/** Claims (lease holders) whose batch is being delivered, to give back at shutdown. */
	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicBoolean again = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	private volatile boolean stopping;

	Outbox(String name, QueueRows rows, OutboxSettings settings, Courier courier, Clock clock) {
		this.name = name;
		this.rows = rows;
		this.settings = settings;
		this.courier = courier;
		this.clock = clock;
	}

	/**
	 * Delivers every due row, a batch at a time (at most one full batch per batch interval),
	 * until a claim finds fewer than a batch, or the outbox stops.
	 * @return how many rows were delivered
	 */
	public int drain() {
		int delivered = 0;
		while (!this.stopping) {
			long started = System.nanoTime();
			String holder = UUID.randomUUID().toString();
			Instant now = this.clock.instant();
			List<Claim> batch = this.rows.claim(holder, this.settings.batchSize(), now, now.plus(this.settings.lease()));
			if (batch.isEmpty()) {
				return delivered;
			}
			this.inFlight.add(holder);
			Map<Long, Delivery> outcomes;
			try {
				outcomes = this.courier.deliver(batch);
			}
			catch (InterruptedException ex) {
				// Stopping: the rows without an outcome stay in flight, to be given back.
				Thread.currentThread().interrupt();
				return delivered;
			}
			catch (RuntimeException ex) {
				log.warn("{}: a batch of {} failed: {}", this.name, batch.size(), ex.toString());
				outcomes = Map.of();
			}
			delivered += record(holder, batch, outcomes);
			this.inFlight.remove(holder);
			if (batch.size() < this.settings.batchSize()) {
				return delivered;
			}
			long waitNanos = this.settings.batchInterval().toNanos() - (System.nanoTime() - started);
			if (waitNanos > 0) {
				try {
					TimeUnit.NANOSECONDS.sleep(waitNanos);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return delivered;
				}
			}
		}
		return delivered;
	}

	private int record(String holder, List<Claim> batch, Map<Long, Delivery> outcomes) {
		Map<Integer, List<Long>> delivered = new java.util.HashMap<>();
		Instant now = this.clock.instant();
		for (Claim claim : batch) {
			Delivery outcome = outcomes.getOrDefault(claim.id(), Delivery.retry("no outcome"));
			if (outcome instanceof Delivery.Delivered d) {
				delivered.computeIfAbsent(d.status(), s -> new ArrayList<>()).add(claim.id());
			}
			else if (outcome instanceof Delivery.Failed f) {
				failed(holder, claim, f.error(), f.status());
			}
			else if (outcome instanceof Delivery.Retry r) {
				if (claim.attempt() >= this.settings.maxAttempts()) {
					failed(holder, claim, "gave up after " + claim.attempt() + " attempts: " + r.error(), r.status());
				}
				else {
					this.rows.retry(holder, claim.id(), now.plus(backoff(claim.attempt(), r.retryAfter())), r.error(),
							r.status());
				}
			}
		}
		delivered.forEach((status, ids) -> this.rows.delivered(holder, ids, status, now));
		return delivered.values().stream().mapToInt(List::size).sum();
	}

	private void failed(String holder, Claim claim, String error, Integer status) {
		log.warn("{}: row {} failed: {}", this.name, claim.id(), error);
		this.rows.failed(holder, claim.id(), error, status);
	}

	/** Exponential with jitter (so rows that failed together do not return together), at least what the other side asked for. */
	Duration backoff(int attempt, Duration retryAfter) {
		long base = this.settings.retryBase().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, this.settings.retryMax().toMillis());
		Duration wait = Duration.ofMillis((long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble())));
		return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
	}

	/**
	 * Asks for a drain once the caller's transaction has committed the rows it queued (a drain
	 * before the commit would not see them), or now when there is no transaction.
	 */
	public void wakeAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wake();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wake();
			}
		});
	}

	/** Asks for a drain soon (after a commit that queued rows); asks during a drain make one more. */
	public void wake() {
		ScheduledExecutorService running = this.executor;
		if (running == null || this.stopping) {
			return;
		}
		this.again.set(true);
		if (this.draining.compareAndSet(false, true)) {
			try {
				running.execute(this::rounds);
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				this.draining.set(false);
			}
		}
	}

	private void rounds() {
		try {
			while (this.again.getAndSet(false) && !this.stopping) {
				try {
					drain();
				}
				catch (RuntimeException ex) {
					// The database may be briefly away; the next poll tries again.
					log.warn("{}: drain failed: {}", this.name, ex.getMessage());
				}
			}
		}
		finally {
			this.draining.set(false);
			if (this.again.get() && !this.stopping) {
				wake();
			}
		}
	}

	/** Drains on a thread of its own: every poll interval, and when woken. */
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.stopping = false;
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, this.name);
			thread.setDaemon(true);
			return thread;
		});
		long poll = this.settings.pollInterval().toMillis();
		this.executor = started;
		started.scheduleWithFixedDelay(this::wake, poll, poll, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops claiming; the batch in flight may finish within the drain timeout, then it is
	 * interrupted and its rows without an outcome are given back.
	 */
	public synchronized void stop() {
		ScheduledExecutorService running = this.executor;
		this.stopping = true;
		if (running == null) {
			return;
		}
		this.executor = null;
		running.shutdown();
		try {
			if (!running.awaitTermination(this.settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				running.shutdownNow();
				running.awaitTermination(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			this.rows.release(List.copyOf(this.inFlight));
		}
		catch (RuntimeException ex) {
			log.info("{}: leases not given back at shutdown ({}); they lapse in {}", this.name, ex.getMessage(),
					this.settings.lease());
		}
		this.inFlight.clear();
	}

	public boolean isRunning() {
		return this.executor != null;
	}

}
