package org.coachapproach.series;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.coachapproach.curriculum.SeriesCategory;

/** What staff enter for an upcoming session; checked by {@link SeriesSchedule}. */
public record SessionDraft(LocalDate date, LocalTime startTime, ZoneId timeZone, int durationMinutes, String title,
		SeriesCategory category, String presenter, String summary, String joinUrl, boolean permissionToRecord) {
}
