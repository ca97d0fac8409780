package org.coachapproach.progress;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/**
 * A person submitted a survey whose completion credit staff turned on in the course: the fact
 * of submission, for the gradebook; never an answer.
 *
 * @param wave the wave's label ({@code pre}, {@code post}, {@code follow-up}, {@code once})
 */
public record SurveyCompleted(PersonId person, CourseId course, String instrumentId, String wave) {
}
