package org.coachapproach.people;

/** Typed id of a course (a platform context). */
public record CourseId(long value) {
}
