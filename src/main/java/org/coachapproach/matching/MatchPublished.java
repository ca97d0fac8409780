package org.coachapproach.matching;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/** Staff published a match: the mentor and the mentee are now a pair. Once per new pair. */
public record MatchPublished(PairId pair, CourseId course, PersonId mentor, PersonId mentee) {
}
