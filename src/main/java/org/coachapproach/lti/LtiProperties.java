package org.coachapproach.lti;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The LTI tool's settings ({@code coachapproach.lti.*}) and the limits on its open endpoints
 * ({@code coachapproach.rate-limit.*}). Score delivery ({@code coachapproach.lti.scores.*}) has
 * its own.
 *
 * @param lti the tool's address, registration, keys and launch checks
 * @param rateLimit per-address limits on login initiation and dynamic registration
 */
@Validated
@ConfigurationProperties("coachapproach")
public record LtiProperties(@Valid @DefaultValue Lti lti, @Valid @DefaultValue RateLimit rateLimit) {

	/**
	 * The tool's address, registration, keys and launch checks.
	 *
	 * @param baseUrl the tool's public https address (origin and context path); empty: taken from
	 * each request
	 * @param registrationSecret the secret a dynamic registration URL must carry; empty: dynamic
	 * registration only from this machine
	 * @param configLocation the folder of platform registration files read at start-up
	 * @param register a registration file to register, after which the application exits (a
	 * command)
	 * @param keyEncryptionKey 32 bytes, base64: encrypts the tool's private keys in the database;
	 * empty: stored unencrypted
	 * @param keyRotationPeriod how long the tool signs with one key before making the next
	 * @param retiredKeyRetention how long a replaced key stays in the JWKS, for tokens signed just
	 * before
	 * @param clockSkew the clock difference allowed when checking an id_token's times
	 * @param jwksMaxAge how long a platform's key set is used before it is fetched again
	 * @param jwksMinRefetch the shortest time between two fetches of one platform's key set (an
	 * unknown key id fetches early)
	 * @param loginLifetime how long a login initiation waits for its launch
	 */
	public record Lti(@NotNull @DefaultValue("") String baseUrl, @NotNull @DefaultValue("") String registrationSecret,
			@NotNull @DefaultValue("./lti-config") Path configLocation, Path register,
			@NotNull @DefaultValue("") String keyEncryptionKey, @NotNull @DefaultValue("P90D") Duration keyRotationPeriod,
			@NotNull @DefaultValue("PT2H") Duration retiredKeyRetention, @NotNull @DefaultValue("PT60S") Duration clockSkew,
			@NotNull @DefaultValue("PT1H") Duration jwksMaxAge, @NotNull @DefaultValue("PT10S") Duration jwksMinRefetch,
			@NotNull @DefaultValue("PT10M") Duration loginLifetime) {
	}

	/**
	 * Per-address limits on the endpoints anyone can call.
	 *
	 * @param login login initiations ({@code /lti/login})
	 * @param register dynamic registrations ({@code /lti/register})
	 * @param maxAddresses how many addresses are tracked at once
	 */
	public record RateLimit(@Valid @DefaultValue Login login, @Valid @DefaultValue Register register,
			@Positive @DefaultValue("10000") long maxAddresses) {
	}

	/**
	 * @param capacity login initiations an address may make per period
	 * @param period the period over which the capacity refills
	 */
	public record Login(@Positive @DefaultValue("120") long capacity, @NotNull @DefaultValue("PT1M") Duration period) {
	}

	/**
	 * @param capacity dynamic registrations an address may make per period
	 * @param period the period over which the capacity refills
	 */
	public record Register(@Positive @DefaultValue("10") long capacity, @NotNull @DefaultValue("PT1M") Duration period) {
	}

}
