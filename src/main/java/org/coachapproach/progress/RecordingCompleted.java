package org.coachapproach.progress;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/** A person has watched a CFDS recording; published once per person, course and recording. */
public record RecordingCompleted(PersonId person, CourseId course, String recordingId, String contentHash) {
}
