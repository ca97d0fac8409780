package org.coachapproach.people;

/** Typed id of a {@link Person}, the way other modules refer to one. */
public record PersonId(long value) {
}
