package org.coachapproach.series.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.coachapproach.curriculum.SeriesSession;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramId;
import org.coachapproach.series.Attendance;

import org.springframework.stereotype.Component;

/**
 * "Join" counts as attendance only around the session itself (from half an hour before until
 * its end): trying the link days early is not attending.
 */
@Component
class SeriesAttendance {

	static final Duration EARLY = Duration.ofMinutes(30);

	private final Attendance attendance;

	private final Clock clock;

	SeriesAttendance(Attendance attendance, Clock clock) {
		this.attendance = attendance;
		this.clock = clock;
	}

	/** @return whether the join counted as attendance */
	boolean joined(ProgramId program, PersonId person, SeriesSession session) {
		Instant now = this.clock.instant();
		if (now.isBefore(session.startsAt().toInstant().minus(EARLY)) || now.isAfter(session.endsAt().toInstant())) {
			return false;
		}
		this.attendance.record(program, person, session.id(), Attendance.Source.JOIN, now);
		return true;
	}

}
