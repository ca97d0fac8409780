package org.coachapproach.series;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The series settings bind with the documented defaults and refuse a lead or check that is not positive. */
class SeriesPropertiesTests {

	@Test
	void shouldDefaultToTwoDaysAndAQuarterHour() {
		SeriesProperties properties = bind(Map.of());
		assertThat(properties.reminderLead()).isEqualTo(Duration.ofHours(48));
		assertThat(properties.reminderCheck()).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void shouldBindTheOperatorsLead() {
		assertThat(bind(Map.of("coachapproach.series.reminder-lead", "PT24H")).reminderLead())
			.isEqualTo(Duration.ofHours(24));
	}

	@Test
	void shouldRefuseALeadThatIsNotPositive() {
		assertThatThrownBy(() -> bind(Map.of("coachapproach.series.reminder-lead", "-PT1H")))
			.isInstanceOf(BindException.class)
			.hasRootCauseMessage("coachapproach.series.reminder-lead must be positive, not PT-1H");
		assertThatThrownBy(() -> bind(Map.of("coachapproach.series.reminder-check", "PT0S")))
			.isInstanceOf(BindException.class)
			.hasRootCauseMessage("coachapproach.series.reminder-check must be positive, not PT0S");
	}

	private static SeriesProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("coachapproach.series",
				SeriesProperties.class);
	}

}
