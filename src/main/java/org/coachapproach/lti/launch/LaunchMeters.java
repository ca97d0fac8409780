package org.coachapproach.lti.launch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The launches the operator watches: {@code coachapproach.launches} (completed, the person signed
 * in) and {@code coachapproach.launch.refusals} by {@code reason}, the refusal's message key
 * (a fixed set in the code, never what the caller sent, so the tags stay few).
 */
@Component
class LaunchMeters {

	private final MeterRegistry registry;

	private final Counter launches;

	LaunchMeters(MeterRegistry registry) {
		this.registry = registry;
		this.launches = Counter.builder("coachapproach.launches")
			.description("LTI launches completed: the person is signed in")
			.register(registry);
	}

	void launched() {
		this.launches.increment();
	}

	void refused(String reason) {
		Counter.builder("coachapproach.launch.refusals")
			.description("LTI logins and launches refused, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
