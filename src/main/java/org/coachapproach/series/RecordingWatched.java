package org.coachapproach.series;

import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/**
 * A person has watched a CFDS recording (80 % seen, or marked as watched), published once per
 * person and recording.
 *
 * @param course the course the person watched it from, or {@code null}
 * @param contentHash the curriculum content hash in force when it was watched
 */
public record RecordingWatched(PersonId person, CourseId course, String recordingId, String contentHash) {
}
