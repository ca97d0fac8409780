package org.coachapproach.outbox;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Makes the outbox of a queue table, and its depth gauges ({@link QueueDepth}). */
@Component
public class Outboxes {

	private final JdbcClient jdbc;

	private final ConflictRetry transactions;

	private final Clock clock;

	private final ObjectProvider<MeterRegistry> meters;

	Outboxes(JdbcClient jdbc, ConflictRetry transactions, Clock clock, ObjectProvider<MeterRegistry> meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.meters = meters;
	}

	/** @param name names the outbox's thread and log lines */
	public Outbox open(String name, OutboxTable table, OutboxSettings settings, Courier courier) {
		this.meters.ifAvailable(new QueueDepth(this.jdbc, table, this.clock)::register);
		return new Outbox(name, new QueueRows(this.jdbc, this.transactions, table), settings, courier, this.clock);
	}

}
