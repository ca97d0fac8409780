package org.coachapproach.matching;

import java.time.LocalDate;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/** One of a pair logged a meeting they had. */
public record MeetingLogged(PairId pair, CourseId course, PersonId loggedBy, LocalDate metOn) {
}
