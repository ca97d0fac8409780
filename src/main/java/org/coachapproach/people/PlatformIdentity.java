package org.coachapproach.people;

/** Who a person is on their platform: issuer and the platform's stable subject id. */
public record PlatformIdentity(String issuer, String subject) {
}
