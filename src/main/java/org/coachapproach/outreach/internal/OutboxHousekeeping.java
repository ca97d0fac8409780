package org.coachapproach.outreach.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Daily: forgets the bodies of old messages (their rows, and so their dedup keys, stay). */
@Component
class OutboxHousekeeping {

	private final OutboxSender sender;

	private final Duration keepBodies;

	OutboxHousekeeping(OutboxSender sender, OutreachProperties settings) {
		this.sender = sender;
		this.keepBodies = settings.keepBodies();
	}

	@SchedulerLock(name = "outbox-housekeeping", lockAtMostFor = "PT1H", lockAtLeastFor = "PT1H")
	@Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT10M")
	void forgetOldBodies() {
		this.sender.forgetBodies(this.keepBodies);
	}

}
