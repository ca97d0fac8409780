package org.coachapproach.outbox;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Makes the outbox of a queue table. */
@Component
public class Outboxes {

	private final JdbcClient jdbc;

	private final ConflictRetry transactions;

	private final Clock clock;

	Outboxes(JdbcClient jdbc, ConflictRetry transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** @param name names the outbox's thread and log lines */
	public Outbox open(String name, OutboxTable table, OutboxSettings settings, Courier courier) {
		return new Outbox(name, new QueueRows(this.jdbc, this.transactions, table), settings, courier, this.clock);
	}

}
