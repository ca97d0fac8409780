package org.coachapproach.assessment;

/**
 * What staff switched on for an instrument in a course; all off by default.
 *
 * @param completionCredit publish {@code SurveySubmitted} for the gradebook (says who responded)
 * @param retrospective ask the retrospective "then" items at post
 * @param followUp run the optional follow-up wave
 */
public record InstrumentSettings(boolean completionCredit, boolean retrospective, boolean followUp) {

	public static final InstrumentSettings DEFAULTS = new InstrumentSettings(false, false, false);

}
