package org.coachapproach.assessment;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/**
 * A person has submitted a survey. Published only for instruments whose completion credit
 * staff turned on in the course (it tells the platform who responded); it carries the fact
 * of submission, never an answer.
 *
 * @param wave the wave's label: {@code pre}, {@code post}, {@code follow-up} or {@code once}
 */
public record SurveySubmitted(PersonId person, CourseId course, String instrumentId, String wave) {
}
