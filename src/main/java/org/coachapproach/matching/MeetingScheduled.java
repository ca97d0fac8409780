package org.coachapproach.matching;

import java.time.Instant;

import org.coachapproach.people.CourseId;

/** One of a pair accepted a time the other proposed. */
public record MeetingScheduled(PairId pair, CourseId course, Instant startsAt, int durationMinutes) {
}
