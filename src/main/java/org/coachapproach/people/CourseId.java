package org.coachapproach.people;

/** Typed id of a {@link Course}. */
public record CourseId(long value) {
}
