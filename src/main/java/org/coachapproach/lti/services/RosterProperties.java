package org.coachapproach.lti.services;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How course rosters are read from the platform (NRPS).
 *
 * @param period a course's roster is synced again when its last sync is older than this
 * @param check how often one instance looks for courses whose roster is older than the period
 * @param retryBase the first retry's delay after a failed sync, doubled per attempt up to an hour
 * @param maxAttempts after this many failed attempts a sync is given up (shown to staff)
 * @param poll how often each instance looks for syncs due (besides being woken by a request)
 * @param lease how long an instance holds a sync it runs before another may take it over
 */
@Validated
@ConfigurationProperties("coachapproach.lti.roster")
public record RosterProperties(@NotNull @DefaultValue("PT24H") Duration period,
		@NotNull @DefaultValue("PT15M") Duration check, @NotNull @DefaultValue("PT1M") Duration retryBase,
		@Min(1) @DefaultValue("6") int maxAttempts, @NotNull @DefaultValue("PT10S") Duration poll,
		@NotNull @DefaultValue("PT10M") Duration lease) {
}
