package org.coachapproach.demoplatform.services;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.coachapproach.demoplatform.DemoService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Failures a test plans for the service endpoints, so that the tool's retries can be tried
 * against this platform: the next requests to a service answer a given status (and
 * {@code Retry-After}) instead of being served. Also counts every request each service got.
 */
@Component("demoServiceFaults")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class ServiceFaults {

	/** An answer to give instead of serving the request. */
	public record Fault(int status, String retryAfter) {
	}

	private final Map<DemoService, Deque<Optional<Fault>>> planned = new EnumMap<>(DemoService.class);

	private final Map<DemoService, AtomicLong> received = new EnumMap<>(DemoService.class);

	ServiceFaults() {
		for (DemoService service : DemoService.values()) {
			this.planned.put(service, new ArrayDeque<>());
			this.received.put(service, new AtomicLong());
		}
	}

	/** After {@code skip} requests served, the {@code count} following ones answer {@code status}. */
	public synchronized void plan(DemoService service, int skip, int count, int status, String retryAfter) {
		if (skip < 0 || count < 0 || status < 400 || status > 599) {
			throw new IllegalArgumentException("Plan a failure as skip >= 0, count >= 0 and an HTTP error status");
		}
		Deque<Optional<Fault>> queue = this.planned.get(service);
		queue.clear();
		for (int i = 0; i < skip; i++) {
			queue.add(Optional.empty());
		}
		for (int i = 0; i < count; i++) {
			queue.add(Optional.of(new Fault(status, retryAfter)));
		}
	}

	public synchronized void clear() {
		this.planned.values().forEach(Deque::clear);
	}

	/** Counts a request to {@code service}; answers the failure planned for it, if any. */
	public synchronized Optional<Fault> next(DemoService service) {
		this.received.get(service).incrementAndGet();
		Optional<Fault> fault = this.planned.get(service).poll();
		return (fault != null) ? fault : Optional.empty();
	}

	/** Requests received by {@code service} since start, failed ones included. */
	public long received(DemoService service) {
		return this.received.get(service).get();
	}

}
