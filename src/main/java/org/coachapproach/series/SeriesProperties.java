package org.coachapproach.series;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The CFDS reminders' timing. The reminder job's {@code @Scheduled} reads {@code reminder-check}
 * by its placeholder; it is here too so that a bad value stops the start and IDEs know it.
 *
 * @param reminderLead the weekly reminder goes out this long before each session (positive)
 * @param reminderCheck how often due reminders are looked for (positive)
 */
@Validated
@ConfigurationProperties("coachapproach.series")
public record SeriesProperties(@NotNull @DefaultValue("PT48H") Duration reminderLead,
		@NotNull @DefaultValue("PT15M") Duration reminderCheck) {

	public SeriesProperties {
		if (reminderLead != null && (reminderLead.isNegative() || reminderLead.isZero())) {
			throw new IllegalArgumentException("coachapproach.series.reminder-lead must be positive, not " + reminderLead);
		}
		if (reminderCheck != null && (reminderCheck.isNegative() || reminderCheck.isZero())) {
			throw new IllegalArgumentException("coachapproach.series.reminder-check must be positive, not " + reminderCheck);
		}
	}

}
