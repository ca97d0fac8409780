package org.coachapproach.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Operator access to the management endpoints.
 *
 * @param token the bearer token that shows health details (at least 32 characters); empty: none
 */
@Validated
@ConfigurationProperties("coachapproach.management")
record WebProperties(@NotNull @DefaultValue("") String token) {
}
