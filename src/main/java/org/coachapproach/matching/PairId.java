package org.coachapproach.matching;

/** Typed id of a published mentor–mentee pair. */
public record PairId(long value) {
}
