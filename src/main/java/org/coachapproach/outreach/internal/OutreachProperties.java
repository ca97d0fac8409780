package org.coachapproach.outreach.internal;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How reminders are sent.
 *
 * @param from the From address (one the SMTP server may send as, with SPF/DKIM)
 * @param ratePerSecond at most this many messages a second, per instance
 * @param pollInterval how often the sender looks for due mail (it also wakes right after a commit
 * that queued mail)
 * @param retryBase the first retry's delay after an unreachable server or a 4xx answer, doubled
 * per attempt
 * @param retryMax the longest delay between two attempts
 * @param maxAttempts after this many attempts a message is marked failed and listed for staff
 * @param keepBodies a daily job empties the text and HTML of messages older than this once sent,
 * failed or cancelled (the rows stay, so a reminder is still never queued twice)
 * @param lease how long a claimed batch is an instance's to send; when the instance dies with it,
 * another sends it after this
 * @param sender the background sender
 */
@Validated
@ConfigurationProperties("coachapproach.outreach")
public record OutreachProperties(@NotBlank @DefaultValue("Coach Approach <no-reply@localhost>") String from,
		@Min(1) @DefaultValue("10") int ratePerSecond, @NotNull @DefaultValue("PT5S") Duration pollInterval,
		@NotNull @DefaultValue("PT1M") Duration retryBase, @NotNull @DefaultValue("PT6H") Duration retryMax,
		@Min(1) @DefaultValue("8") int maxAttempts, @NotNull @DefaultValue("P30D") Duration keepBodies,
		@NotNull @DefaultValue("PT5M") Duration lease, @Valid @NotNull @DefaultValue Sender sender) {

	/**
	 * @param enabled whether each instance sends in the background (off only where something else
	 * drains, such as tests that drain by hand)
	 */
	public record Sender(@DefaultValue("true") boolean enabled) {
	}

}
