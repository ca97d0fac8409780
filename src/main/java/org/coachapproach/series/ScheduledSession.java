package org.coachapproach.series;

import java.time.Instant;

import org.coachapproach.curriculum.SeriesSession;

/**
 * A series session as the schedule has it now.
 *
 * @param sequence how many times it changed (staff's edits, and changes to its file since the tool first
 *        read it); calendars see it as SEQUENCE
 * @param updatedAt when it last changed (by staff, or in its file), or {@code null} when it is as the tool
 *        first read it from its file
 */
public record ScheduledSession(SeriesSession session, int sequence, Instant updatedAt) {
}
