package org.coachapproach.assessment;

import java.time.LocalDate;

import org.coachapproach.curriculum.Instrument.Wave;

/** When one wave of an instrument is open in a course: both dates inclusive. */
public record SurveyWindow(String instrumentId, Wave wave, LocalDate opensOn, LocalDate closesOn) {

	public boolean isOpenOn(LocalDate day) {
		return !day.isBefore(this.opensOn) && !day.isAfter(this.closesOn);
	}

}
