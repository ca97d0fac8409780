package org.coachapproach.outreach.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox rows as the sender reads and keeps them (claiming is the outbox's). */
@Repository
class MailRows {

	/** What a claimed message needs to go out. */
	record Mail(long id, String recipient, String name, String subject, String text, String html,
			String unsubscribeUrl) {
	}

	private final JdbcClient jdbc;

	MailRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Mail> find(List<Long> ids) {
		return this.jdbc.sql("""
				SELECT id, recipient, recipient_name, subject, text_body, html_body, unsubscribe_url
				FROM outreach_outbox WHERE id IN (:ids) ORDER BY id""")
			.param("ids", ids)
			.query((rs, n) -> new Mail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** Empties the bodies of messages done with before {@code before}; the rows (and their dedup keys) stay. */
	int forgetBodies(Instant before) {
		return this.jdbc.sql("""
				UPDATE outreach_outbox SET text_body = '', html_body = ''
				WHERE status IN ('SENT', 'FAILED', 'CANCELLED') AND queued_at < ? AND (text_body <> '' OR html_body <> '')""")
			.param(Timestamp.from(before))
			.update();
	}

}
