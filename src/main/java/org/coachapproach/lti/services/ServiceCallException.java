package org.coachapproach.lti.services;

import java.time.Duration;

/**
 * A platform service call that did not succeed: {@code status} 0 when the platform could not be
 * reached, else its HTTP status, with what it said (cut short) and any {@code Retry-After}.
 */
public class ServiceCallException extends Exception {

	private final int status;

	private final Duration retryAfter;

	public ServiceCallException(int status, String detail, Duration retryAfter) {
		super(detail);
		this.status = status;
		this.retryAfter = retryAfter;
	}

	public int status() {
		return this.status;
	}

	/** How long the platform asked the tool to wait, or {@code null}. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Network trouble, throttling and server errors pass; other refusals will not. */
	public boolean retryable() {
		return this.status == 0 || this.status == 408 || this.status == 429 || this.status >= 500;
	}

	public boolean unauthorized() {
		return this.status == 401;
	}

}
