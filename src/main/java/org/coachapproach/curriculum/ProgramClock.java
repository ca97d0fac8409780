package org.coachapproach.curriculum;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.coachapproach.people.LaunchContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The program's clock: the instant now and the date today in the program's time zone
 * ({@code coachapproach.curriculum.time-zone}). The one place that knows the zone; tests swap the
 * {@link Clock} bean underneath.
 */
@Component
public class ProgramClock {

	private final Clock clock;

	private final ZoneId zone;

	@Autowired
	public ProgramClock(Clock clock, CurriculumProperties properties) {
		this(clock, properties.timeZone());
	}

	public ProgramClock(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
	}

	/** The program's time zone. */
	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * The zone a page shows times in for the person of this launch: theirs when the platform sent
	 * one ({@link LaunchContext#timeZone()}), else the program's.
	 */
	public ZoneId zoneFor(LaunchContext launch) {
		return Optional.ofNullable(launch).flatMap(LaunchContext::timeZone).orElse(this.zone);
	}

	public Instant now() {
		return this.clock.instant();
	}

	/** Today's date in the program's time zone. */
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	/** The date, in the program's time zone, on which an instant falls. */
	public LocalDate dateOf(Instant instant) {
		return LocalDate.ofInstant(instant, this.zone);
	}

	/** An instant as the program's local date and time. */
	public LocalDateTime localDateTimeOf(Instant instant) {
		return LocalDateTime.ofInstant(instant, this.zone);
	}

	/** A local date and time read in the program's time zone. */
	public Instant instantOf(LocalDateTime local) {
		return local.atZone(this.zone).toInstant();
	}

}
