package org.coachapproach.progress;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/** A person has completed every exercise of a session; published once per person, course and session. */
public record SessionCompleted(PersonId person, CourseId course, String sessionId, String contentHash) {
}
