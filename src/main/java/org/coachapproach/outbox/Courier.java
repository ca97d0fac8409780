package org.coachapproach.outbox;

import java.util.List;
import java.util.Map;

/** Delivers a batch of claimed rows; it reads what it needs of each row from its own table. */
@FunctionalInterface
public interface Courier {

	/**
	 * @return the outcome of each row; a row without one is retried
	 * @throws InterruptedException when the instance stops before the batch is done: rows
	 * without an outcome are released for another instance
	 */
	Map<Long, Delivery> deliver(List<Claim> batch) throws InterruptedException;

}
