package org.coachapproach.curriculum;

import java.nio.file.Path;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the curriculum content lives and the program's time zone.
 *
 * @param location the curriculum folder (sessions, competencies, instruments), read and checked at
 * start-up
 * @param timeZone the zone in which release and due dates, meeting dates and "today" are read
 */
@Validated
@ConfigurationProperties("coachapproach.curriculum")
public record CurriculumProperties(@NotNull @DefaultValue("./curriculum") Path location,
		@NotNull @DefaultValue("UTC") ZoneId timeZone) {
}
