package org.coachapproach.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.coachapproach.outreach.MailTest;
import org.coachapproach.outreach.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox gauges on a queue table of their own in the real database: pending rows only, the
 * longest-overdue row's age, and one query per few seconds however often they are read.
 */
@MailTest
class QueueDepthTests {

	private static final OutboxTable TABLE = new OutboxTable("outbox_depth_queue", "PENDING", false, 200);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void table() {
		this.jdbc.sql("""
				CREATE TABLE IF NOT EXISTS outbox_depth_queue (
				    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, status VARCHAR(16) NOT NULL,
				    attempts INT NOT NULL DEFAULT 0, next_attempt_at TIMESTAMP(6) NOT NULL, locked_until TIMESTAMP(6) NULL,
				    locked_by CHAR(36) NULL, last_error VARCHAR(200), sent_at TIMESTAMP(6) NULL,
				    INDEX ix_outbox_depth_due (status, next_attempt_at)) ENGINE=InnoDB""").update();
		this.jdbc.sql("DELETE FROM outbox_depth_queue").update();
	}

	@AfterEach
	void putBack() {
		this.clock.reset();
	}

	@Test
	void shouldGaugePendingRowsAndTheLongestOverdue() {
		Instant now = this.clock.instant();
		queue("PENDING", now.minusSeconds(90));
		queue("PENDING", now.minusSeconds(10));
		queue("PENDING", now.plusSeconds(600));
		queue("SENT", now.minusSeconds(3600));
		queue("FAILED", now.minusSeconds(7200));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();

		new QueueDepth(this.jdbc, TABLE, this.clock).register(registry);

		assertThat(registry.get("coachapproach.outbox.depth").tag("outbox", "outbox_depth_queue").gauge().value())
			.isEqualTo(3);
		assertThat(registry.get("coachapproach.outbox.oldest.age").tag("outbox", "outbox_depth_queue").gauge().value())
			.isBetween(90.0, 92.0);
	}

	@Test
	void shouldReportNothingOverdueWhenEveryPendingRowWaitsForLater() {
		queue("PENDING", this.clock.instant().plusSeconds(600));
		QueueDepth depth = new QueueDepth(this.jdbc, TABLE, this.clock);

		assertThat(depth.read().pending()).isEqualTo(1);
		assertThat(depth.overdueSeconds()).isZero();
	}

	@Test
	void shouldQueryAtMostOncePerFewSeconds() {
		QueueDepth depth = new QueueDepth(this.jdbc, TABLE, this.clock);
		assertThat(depth.read().pending()).isZero();

		queue("PENDING", this.clock.instant().minusSeconds(1));
		assertThat(depth.read().pending()).as("read within " + QueueDepth.FRESH).isZero();

		this.clock.shift(QueueDepth.FRESH);
		assertThat(depth.read().pending()).isEqualTo(1);
	}

	private void queue(String status, Instant due) {
		this.jdbc.sql("INSERT INTO outbox_depth_queue (status, next_attempt_at) VALUES (?, ?)")
			.params(status, Timestamp.from(due))
			.update();
	}

}
