package org.coachapproach.series;

import java.time.Instant;

import org.coachapproach.curriculum.SeriesSession;

/**
 * A series session as the schedule has it now.
 *
 * @param sequence how many times staff changed it (0: as in the file); calendars see it as SEQUENCE
 * @param updatedAt when staff last changed it, or {@code null} when it is as in the file
 */
public record ScheduledSession(SeriesSession session, int sequence, Instant updatedAt) {
}
