package org.coachapproach.outbox;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a transaction again when the database chose it as a deadlock victim (MariaDB error
 * 1213, SQLState 40001, which Spring translates to a {@link PessimisticLockingFailureException}).
 * On Galera two nodes may both take the same row, and the one that commits second fails
 * certification with this error, so every claim (and launch) is worth a second try; a few
 * attempts with jitter, so that the two losers do not collide again. Any other error is not
 * retried.
 * <p>
 * The retry wraps the whole transaction: called inside a transaction that is already running,
 * the work joins it and is not retried here (only the outermost transaction can be run again).
 */
@Component
public class ConflictRetry {

	/** Three attempts in all. */
	static final int MAX_RETRIES = 2;

	private final TransactionTemplate transactions;

	private final RetryTemplate retry;

	ConflictRetry(TransactionTemplate transactions) {
		this.transactions = transactions;
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.includes(PessimisticLockingFailureException.class)
			.maxRetries(MAX_RETRIES)
			.delay(Duration.ofMillis(20))
			.jitter(Duration.ofMillis(15))
			.multiplier(2)
			.maxDelay(Duration.ofMillis(200))
			.build());
	}

	/** Runs {@code work} in a transaction of its own, again after a deadlock or certification conflict. */
	public <T> T inTransaction(TransactionCallback<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return this.transactions.execute(work);
		}
		return this.retry.invoke(() -> this.transactions.execute(work));
	}

}
