package org.coachapproach.people;

/**
 * Typed id of a program: everything the tool keeps above the course (the series schedule and
 * its attendance, the faculty list, email switches, calendar feeds) for one platform
 * registration.
 */
public record ProgramId(long value) {
}
