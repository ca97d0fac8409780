package org.coachapproach.progress;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/** A person has submitted the reflection of an exercise; published once per person, course and exercise. */
public record ExerciseCompleted(PersonId person, CourseId course, String exerciseId, String contentHash) {
}
