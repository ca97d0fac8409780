package org.coachapproach.people;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a signed-in session lasts.
 *
 * @param lifetime the longest a session lasts from its launch, however busy
 * @param idleTimeout how long a session lasts without a request
 */
@Validated
@ConfigurationProperties("coachapproach.session")
record PeopleProperties(@NotNull @DefaultValue("PT8H") Duration lifetime,
		@NotNull @DefaultValue("PT60M") Duration idleTimeout) {
}
