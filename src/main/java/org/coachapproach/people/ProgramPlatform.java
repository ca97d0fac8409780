package org.coachapproach.people;

/** The platform registration a program belongs to: the platform's issuer and the tool's client id there. */
public record ProgramPlatform(String issuer, String clientId) {
}
