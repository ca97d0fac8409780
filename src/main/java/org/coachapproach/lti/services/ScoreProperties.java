package org.coachapproach.lti.services;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How scores reach the platform's gradebook.
 *
 * @param workers scores posted in parallel by each instance
 * @param retryBase the first retry's delay, doubled per attempt up to an hour (or the platform's
 * {@code Retry-After})
 * @param maxAttempts after this many failed attempts a score is marked refused (about a day of
 * retries)
 * @param poll how often each instance looks for scores due for a retry
 * @param lease how long a claimed batch is an instance's to send; when the instance dies with it,
 * another sends it after this (a batch of 200 posted by the workers, each call within 20 s)
 */
@Validated
@ConfigurationProperties("coachapproach.lti.scores")
public record ScoreProperties(@Min(1) @DefaultValue("8") int workers, @NotNull @DefaultValue("PT15S") Duration retryBase,
		@Min(1) @DefaultValue("25") int maxAttempts, @NotNull @DefaultValue("PT5S") Duration poll,
		@NotNull @DefaultValue("PT10M") Duration lease) {
}
