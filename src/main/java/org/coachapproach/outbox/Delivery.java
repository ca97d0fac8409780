package org.coachapproach.outbox;

import java.time.Duration;

/** What became of one attempt to deliver a row. */
public sealed interface Delivery {

	/** The other side has it. */
	record Delivered(Integer status) implements Delivery {
	}

	/** Not now (unreachable, throttled, a passing error): try again later, at the earliest after {@code retryAfter}. */
	record Retry(String error, Integer status, Duration retryAfter) implements Delivery {
	}

	/** Refused for good: the row is marked failed and is not tried again. */
	record Failed(String error, Integer status) implements Delivery {
	}

	static Delivery delivered() {
		return new Delivered(null);
	}

	static Delivery retry(String error) {
		return new Retry(error, null, null);
	}

	static Delivery failed(String error) {
		return new Failed(error, null);
	}

}
