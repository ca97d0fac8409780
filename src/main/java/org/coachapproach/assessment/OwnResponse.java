package org.coachapproach.assessment;

import java.util.Map;

import org.coachapproach.curriculum.Instrument.Wave;

/** A respondent's own response, as only they may see it. */
public record OwnResponse(String instrumentId, Wave wave, boolean submitted, Map<String, String> answers) {

	public OwnResponse {
		answers = Map.copyOf(answers);
	}

}
