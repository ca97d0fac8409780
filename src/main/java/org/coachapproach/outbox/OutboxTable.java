package org.coachapproach.outbox;

import java.util.regex.Pattern;

/**
 * A queue table. It has the columns {@code id}, {@code status} (the pending value, then
 * {@code SENT} or {@code FAILED}), {@code attempts}, {@code next_attempt_at},
 * {@code locked_until}, {@code locked_by} (the lease), {@code last_error} and {@code sent_at},
 * and an index on {@code (status, next_attempt_at)}; others are the owner's.
 *
 * @param name the table
 * @param pending the status of a row still to deliver ({@code QUEUED}, {@code PENDING})
 * @param lastStatus whether the table has a {@code last_status} column for the other side's
 * answer code
 * @param errorLength the length of {@code last_error}
 */
public record OutboxTable(String name, String pending, boolean lastStatus, int errorLength) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	private static final Pattern STATUS = Pattern.compile("[A-Z]{1,16}");

	public OutboxTable {
		// Both end up in SQL text: only plain names.
		if (!NAME.matcher(name).matches() || !STATUS.matcher(pending).matches()) {
			throw new IllegalArgumentException("not a table name and status: " + name + ", " + pending);
		}
		if (errorLength < 100) {
			throw new IllegalArgumentException("last_error must hold at least 100 characters");
		}
	}

	String cut(String error) {
		return error == null || error.length() <= this.errorLength ? error : error.substring(0, this.errorLength);
	}

}
