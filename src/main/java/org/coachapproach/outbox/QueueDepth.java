package org.coachapproach.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How far one queue table is behind, for the operator's metrics: {@code coachapproach.outbox.depth}
 * (rows still pending) and {@code coachapproach.outbox.oldest.age} (seconds since the longest-
 * waiting pending row fell due, 0 when none is due), tagged with the table. One indexed query
 * answers both, at most once per {@link #FRESH}, however often and by however many scrapers.
 */
class QueueDepth {

	static final Duration FRESH = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final OutboxTable table;

	private final Clock clock;

	private Instant readAt;

	private Reading reading = new Reading(0, null);

	QueueDepth(JdbcClient jdbc, OutboxTable table, Clock clock) {
		this.jdbc = jdbc;
		this.table = table;
		this.clock = clock;
	}

	void register(MeterRegistry registry) {
		Gauge.builder("coachapproach.outbox.depth", this, d -> d.read().pending())
			.description("Rows of the outbox still to deliver")
			.tag("outbox", this.table.name())
			.register(registry);
		Gauge.builder("coachapproach.outbox.oldest.age", this, d -> d.overdueSeconds())
			.description("Seconds since the longest-waiting pending row of the outbox fell due")
			.baseUnit("seconds")
			.tag("outbox", this.table.name())
			.register(registry);
	}

	double overdueSeconds() {
		Instant oldest = read().oldestDue();
		Instant now = this.clock.instant();
		return oldest == null || oldest.isAfter(now) ? 0 : Duration.between(oldest, now).toMillis() / 1000.0;
	}

	synchronized Reading read() {
		Instant now = this.clock.instant();
		if (this.readAt == null || !now.isBefore(this.readAt.plus(FRESH))) {
			this.reading = this.jdbc.sql("SELECT COUNT(*), MIN(next_attempt_at) FROM " + this.table.name()
					+ " WHERE status = ?")
				.param(this.table.pending())
				.query((rs, n) -> {
					Timestamp oldest = rs.getTimestamp(2);
					return new Reading(rs.getLong(1), oldest == null ? null : oldest.toInstant());
				})
				.single();
			this.readAt = now;
		}
		return this.reading;
	}

	record Reading(long pending, Instant oldestDue) {
	}

}
