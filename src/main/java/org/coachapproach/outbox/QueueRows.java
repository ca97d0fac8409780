package org.coachapproach.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of one queue table. Every outcome is recorded only by the holder of the row's lease
 * and only while the row is still pending, so a claim that outlived its lease (another
 * instance took the row) or a row cancelled meanwhile is left as it is. Each write is its own
 * transaction, run again after a deadlock or a Galera certification conflict.
 */
class QueueRows {

	private final JdbcClient jdbc;

	private final ConflictRetry transactions;

	private final OutboxTable table;

	QueueRows(JdbcClient jdbc, ConflictRetry transactions, OutboxTable table) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.table = table;
	}

	/**
	 * Takes up to {@code limit} due rows for {@code holder} until {@code until}; a row another
	 * transaction holds (being claimed, or still being queued) is skipped, not waited for.
	 */
	List<Claim> claim(String holder, int limit, Instant now, Instant until) {
		return this.transactions.inTransaction(status -> {
			List<Claim> due = this.jdbc.sql("SELECT id, attempts + 1 FROM " + this.table.name() + """
					 WHERE status = ? AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?)
					ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
				.params(this.table.pending(), Timestamp.from(now), Timestamp.from(now), limit)
				.query((rs, n) -> new Claim(rs.getLong(1), rs.getInt(2)))
				.list();
			if (!due.isEmpty()) {
				this.jdbc.sql("UPDATE " + this.table.name()
						+ " SET locked_until = :until, locked_by = :holder, attempts = attempts + 1 WHERE id IN (:ids)")
					.param("until", Timestamp.from(until))
					.param("holder", holder)
					.param("ids", due.stream().map(Claim::id).toList())
					.update();
			}
			return due;
		});
	}

	/** One statement (one commit) for all of a batch's deliveries with the same answer. */
	void delivered(String holder, Collection<Long> ids, Integer status, Instant now) {
		if (ids.isEmpty()) {
			return;
		}
		this.transactions.inTransaction(tx -> this.jdbc.sql("UPDATE " + this.table.name() + " SET status = 'SENT', sent_at = :now, locked_until = NULL,"
				+ " last_error = NULL" + (this.table.lastStatus() ? ", last_status = :status" : "")
				+ " WHERE id IN (:ids) AND locked_by = :holder AND status = :pending")
			.param("now", Timestamp.from(now))
			.param("status", status)
			.param("ids", ids)
			.param("holder", holder)
			.param("pending", this.table.pending())
			.update());
	}

	void retry(String holder, long id, Instant next, String error, Integer status) {
		record(holder, id, "next_attempt_at = :next", next, error, status);
	}

	void failed(String holder, long id, String error, Integer status) {
		record(holder, id, "status = 'FAILED'", null, error, status);
	}

	private void record(String holder, long id, String change, Instant next, String error, Integer status) {
		this.transactions.inTransaction(tx -> this.jdbc.sql("UPDATE " + this.table.name() + " SET " + change + ", locked_until = NULL, last_error = :error"
				+ (this.table.lastStatus() ? ", last_status = :status" : "")
				+ " WHERE id = :id AND locked_by = :holder AND status = :pending")
			.param("next", next == null ? null : Timestamp.from(next))
			.param("error", this.table.cut(error))
			.param("status", status)
			.param("id", id)
			.param("holder", holder)
			.param("pending", this.table.pending())
			.update());
	}

	/** Gives rows back at once (their attempt still counts) so another instance need not wait out the lease. */
	void release(Collection<String> holders) {
		if (holders.isEmpty()) {
			return;
		}
		this.transactions.inTransaction(tx -> this.jdbc.sql("UPDATE " + this.table.name()
				+ " SET locked_until = NULL WHERE locked_by IN (:holders) AND status = :pending")
			.param("holders", holders)
			.param("pending", this.table.pending())
			.update());
	}

}
