package org.coachapproach.matching;

import org.coachapproach.people.CourseId;

/** A later publication no longer contains this pair. */
public record MatchEnded(PairId pair, CourseId course) {
}
