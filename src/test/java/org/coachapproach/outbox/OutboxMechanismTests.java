package org.coachapproach.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.coachapproach.outreach.MailTest;
import org.coachapproach.outreach.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one outbox on a queue table of its own in the real database: rows another transaction
 * holds are skipped, a lapsed lease is taken over and the late holder's outcome ignored,
 * backoff with jitter honours Retry-After, a row dies after its attempts, and stopping lets
 * the batch in flight finish or gives its rows back.
 */
@MailTest
class OutboxMechanismTests {

	private static final OutboxTable TABLE = new OutboxTable("outbox_test_queue", "PENDING", true, 200);

	@Autowired
	Outboxes outboxes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ConflictRetry conflictRetry;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void table() {
		this.jdbc.sql("""
				CREATE TABLE IF NOT EXISTS outbox_test_queue (
				    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, status VARCHAR(16) NOT NULL,
				    attempts INT NOT NULL DEFAULT 0, next_attempt_at TIMESTAMP(6) NOT NULL, locked_until TIMESTAMP(6) NULL,
				    locked_by CHAR(36) NULL, last_status INT NULL, last_error VARCHAR(200), sent_at TIMESTAMP(6) NULL,
				    INDEX ix_outbox_test_due (status, next_attempt_at)) ENGINE=InnoDB""").update();
		this.jdbc.sql("DELETE FROM outbox_test_queue").update();
	}

	@AfterEach
	void putBack() {
		this.clock.reset();
	}

	@Test
	void shouldSkipRowsAnotherTransactionHoldsInsteadOfWaiting() {
		long held = queue();
		long free = queue();
		QueueRows rows = rows();
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("SELECT id FROM outbox_test_queue WHERE id = ? FOR UPDATE").param(held).query(Long.class).single();
			List<Claim> claimed = CompletableFuture
				.supplyAsync(() -> rows.claim("other", 10, Instant.now(), Instant.now().plusSeconds(60)))
				.orTimeout(10, TimeUnit.SECONDS)
				.join();
			assertThat(claimed).extracting(Claim::id).containsExactly(free);
		});
	}

	@Test
	void shouldLetAnotherClaimTakeARowWhoseLeaseLapsedAndIgnoreTheLateHolder() {
		long id = queue();
		QueueRows rows = rows();
		Instant now = Instant.now();
		assertThat(rows.claim("first", 10, now, now.plusSeconds(60))).containsExactly(new Claim(id, 1));
		assertThat(rows.claim("second", 10, now.plusSeconds(30), now.plusSeconds(90))).isEmpty();
		assertThat(rows.claim("second", 10, now.plusSeconds(61), now.plusSeconds(120))).containsExactly(new Claim(id, 2));

		rows.failed("first", id, "late", 500);
		assertThat(row(id)).containsEntry("status", "PENDING");
		rows.delivered("second", List.of(id), 200, now.plusSeconds(62));
		assertThat(row(id)).containsEntry("status", "SENT").containsEntry("last_status", 200);
	}

	@Test
	void shouldBackOffExponentiallyWithJitterCappedAndNeverSoonerThanRetryAfter() {
		Outbox outbox = open(settings(5, Duration.ofSeconds(10)), batch -> Map.of());
		for (int attempt = 1; attempt <= 4; attempt++) {
			long expected = 10_000L << (attempt - 1);
			assertThat(outbox.backoff(attempt, null).toMillis()).isBetween(expected * 8 / 10, expected * 12 / 10);
		}
		assertThat(outbox.backoff(30, null).toMillis()).isBetween(48 * 60_000L, 72 * 60_000L);
		assertThat(outbox.backoff(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
		assertThat(outbox.backoff(1, Duration.ofSeconds(1)).toMillis()).isBetween(8_000L, 12_000L);
		long distinct = java.util.stream.IntStream.range(0, 20).mapToObj(i -> outbox.backoff(3, null)).distinct().count();
		assertThat(distinct).isGreaterThan(1);
	}

	@Test
	void shouldRetryAfterWhatTheOtherSideAskedThenFailTheRowAfterItsAttempts() {
		long id = queue();
		Outbox outbox = open(settings(2, Duration.ofSeconds(1)),
				batch -> batch.stream().collect(Collectors.toMap(Claim::id,
						c -> new Delivery.Retry("busy", 429, Duration.ofMinutes(10)))));
		assertThat(outbox.drain()).isZero();
		assertThat(row(id)).containsEntry("status", "PENDING").containsEntry("attempts", 1).containsEntry("last_status", 429);
		this.clock.shift(Duration.ofMinutes(9));
		outbox.drain();
		assertThat(row(id)).containsEntry("attempts", 1);

		this.clock.shift(Duration.ofMinutes(11));
		outbox.drain();
		assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", 2)
			.containsEntry("last_error", "gave up after 2 attempts: busy");
		this.clock.shift(Duration.ofDays(1));
		assertThat(outbox.drain()).isZero();
		assertThat(row(id)).containsEntry("attempts", 2);
	}

	@Test
	void shouldDeliverEachRowOnceThoughSeveralInstancesDrainAtOnce() {
		for (int i = 0; i < 60; i++) {
			queue();
		}
		AtomicInteger deliveries = new AtomicInteger();
		Courier courier = batch -> {
			deliveries.addAndGet(batch.size());
			return batch.stream().collect(Collectors.toMap(Claim::id, c -> Delivery.delivered()));
		};
		List<CompletableFuture<Integer>> instances = java.util.stream.IntStream.range(0, 4)
			.mapToObj(i -> open(settings(3, Duration.ofSeconds(1)), courier))
			.map(outbox -> CompletableFuture.supplyAsync(outbox::drain))
			.toList();
		assertThat(instances.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(60);
		assertThat(deliveries).hasValue(60);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM outbox_test_queue WHERE status = 'SENT'").query(Integer.class).single())
			.isEqualTo(60);
	}

	@Test
	void shouldLetTheBatchInFlightFinishWhenStopping() throws Exception {
		long id = queue();
		CountDownLatch entered = new CountDownLatch(1);
		Outbox outbox = open(settings(3, Duration.ofSeconds(1)), batch -> {
			entered.countDown();
			Thread.sleep(500);
			return Map.of(id, Delivery.delivered());
		});
		outbox.start();
		outbox.wake();
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
		outbox.stop();
		assertThat(row(id)).containsEntry("status", "SENT");
		assertThat(outbox.isRunning()).isFalse();
	}

	@Test
	void shouldGiveBackTheRowsOfABatchThatDidNotFinishInTime() throws Exception {
		long id = queue();
		CountDownLatch entered = new CountDownLatch(1);
		Outbox outbox = open(new OutboxSettings(10, Duration.ZERO, Duration.ofMinutes(1), Duration.ofSeconds(1),
				Duration.ofMinutes(1), 3, Duration.ofMinutes(10), Duration.ofMillis(200)), batch -> {
					entered.countDown();
					Thread.sleep(60_000);
					return Map.of(id, Delivery.delivered());
				});
		outbox.start();
		outbox.wake();
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
		outbox.stop();
		Map<String, Object> row = row(id);
		assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		assertThat(row.get("locked_until")).isNull();
		assertThat(rows().claim("next", 10, Instant.now(), Instant.now().plusSeconds(60))).containsExactly(new Claim(id, 2));
	}

	private long queue() {
		this.jdbc.sql("INSERT INTO outbox_test_queue (status, next_attempt_at) VALUES ('PENDING', ?)")
			.param(java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
			.update();
		return this.jdbc.sql("SELECT MAX(id) FROM outbox_test_queue").query(Long.class).single();
	}

	private Map<String, Object> row(long id) {
		return this.jdbc.sql("SELECT status, attempts, last_status, last_error, locked_until FROM outbox_test_queue WHERE id = ?")
			.param(id)
			.query()
			.singleRow();
	}

	private QueueRows rows() {
		return new QueueRows(this.jdbc, this.conflictRetry, TABLE);
	}

	private Outbox open(OutboxSettings settings, Courier courier) {
		return this.outboxes.open("test-outbox", TABLE, settings, courier);
	}

	private static OutboxSettings settings(int maxAttempts, Duration retryBase) {
		return new OutboxSettings(10, Duration.ZERO, Duration.ofMinutes(1), retryBase, Duration.ofHours(1), maxAttempts,
				Duration.ofMinutes(5), Duration.ofSeconds(5));
	}

}
