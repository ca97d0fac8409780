package org.coachapproach.people;

/** The first launch into a course made it known to the tool; published once per course. */
public record CourseAppeared(CourseId course) {
}
