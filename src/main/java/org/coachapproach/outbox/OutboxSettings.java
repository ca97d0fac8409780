package org.coachapproach.outbox;

import java.time.Duration;

/**
 * How an outbox paces and retries.
 *
 * @param batchSize rows claimed at once
 * @param batchInterval at least this long from one full batch to the next (a rate limit:
 * {@code batchSize} per {@code batchInterval}); zero for none
 * @param pollInterval how often each instance looks for due rows (besides being woken)
 * @param retryBase the first retry's delay, doubled per attempt
 * @param retryMax the longest delay (a {@code Retry-After} may ask for more)
 * @param maxAttempts after this many attempts a row is failed
 * @param lease how long a claim holds a row before another instance may take it
 * @param drainTimeout at shutdown, how long work in flight may take to finish
 */
public record OutboxSettings(int batchSize, Duration batchInterval, Duration pollInterval, Duration retryBase,
		Duration retryMax, int maxAttempts, Duration lease, Duration drainTimeout) {

	public OutboxSettings {
		if (batchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("batch size and max attempts must be at least 1");
		}
		if (batchInterval.isNegative() || !positive(pollInterval) || !positive(retryBase)
				|| retryMax.compareTo(retryBase) < 0 || !positive(lease) || drainTimeout.isNegative()) {
			throw new IllegalArgumentException("poll interval, retry base and lease must be positive, retry max at least"
					+ " the retry base: " + pollInterval + ", " + retryBase + ", " + retryMax + ", " + lease);
		}
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
