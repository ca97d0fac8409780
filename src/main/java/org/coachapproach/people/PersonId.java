package org.coachapproach.people;

/** Typed id of a person, the way other modules refer to one. */
public record PersonId(long value) {
}
