package org.coachapproach.outreach.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.outreach.MailOutbox;
import org.coachapproach.outreach.ReminderKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The email outbox's rows as the queuing side sees them: inserts that a dedup key already
 * there makes no-ops, the unsubscribe list, and counts for staff (sending is
 * {@link OutboxSender}'s).
 */
@Repository
public class MailQueue {

	/** One message to queue; {@code person} may be {@code null} (a faculty-list entry). */
	public record Row(long program, String dedupKey, String recipient, String name, Long person, String kind,
			String subject, String text, String html, String unsubscribeUrl, Instant at) {
	}

	private final JdbcClient jdbc;

	MailQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return whether the row is new (a row of the same dedup key and recipient may be there) */
	public boolean insert(Row row) {
		// One statement per row: its count says whether the row is new (a batch may not tell).
		return this.jdbc.sql("""
				INSERT IGNORE INTO outreach_outbox (program_id, dedup_key, recipient, recipient_name, person_id, kind,
				    subject, text_body, html_body, unsubscribe_url, status, attempts, next_attempt_at, queued_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""")
			.params(row.program(), row.dedupKey(), row.recipient(), row.name(), row.person(), row.kind(), row.subject(),
					row.text(), row.html(), row.unsubscribeUrl(), Timestamp.from(row.at()), Timestamp.from(row.at()))
			.update() == 1;
	}

	/** Records the unsubscribe and cancels what of that kind still waits for the address. */
	public void unsubscribe(String address, ReminderKind kind, Instant at) {
		this.jdbc.sql("INSERT IGNORE INTO outreach_unsubscribe (recipient, kind, unsubscribed_at) VALUES (?, ?, ?)")
			.params(address, kind.name(), Timestamp.from(at))
			.update();
		this.jdbc.sql("""
				UPDATE outreach_outbox SET status = 'CANCELLED', last_error = 'unsubscribed'
				WHERE recipient = ? AND kind = ? AND status = 'QUEUED'""")
			.params(address, kind.name())
			.update();
	}

	public Set<String> unsubscribed(ReminderKind kind) {
		return new HashSet<>(this.jdbc.sql("SELECT recipient FROM outreach_unsubscribe WHERE kind = ?")
			.param(kind.name())
			.query(String.class)
			.list());
	}

	public boolean queued(long program, String dedupKey) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM outreach_outbox WHERE program_id = ? AND dedup_key = ?)")
			.params(program, dedupKey)
			.query(Boolean.class)
			.single();
	}

	/** The program's messages by status. */
	public Map<String, Integer> counts(long program) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM outreach_outbox WHERE program_id = ? GROUP BY status")
			.param(program)
			.query(rs -> {
				counts.put(rs.getString(1), rs.getInt(2));
			});
		return counts;
	}

	public List<MailOutbox.Failure> failures(long program, int limit) {
		return this.jdbc.sql("""
				SELECT id, recipient, kind, subject, attempts, last_error, queued_at FROM outreach_outbox
				WHERE program_id = ? AND status = 'FAILED' ORDER BY id DESC LIMIT ?""")
			.params(program, limit)
			.query((rs, row) -> new MailOutbox.Failure(rs.getLong(1), rs.getString(2), ReminderKind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

}
