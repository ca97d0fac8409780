package org.coachapproach.assessment.analysis;

/**
 * A respondent's score on a scale (a survey section): the mean of the section's items they
 * answered, provided they answered at least half of them (3 of 6, 3 of 5); otherwise no score
 * ({@code NaN}). Half is the usual rule for short attitude scales (a "half rule" prorating the
 * answered items) and keeps a score from resting on one or two answers.
 */
public final class ScaleScore {

	private ScaleScore() {
	}

	/** The score from one respondent's answers to the section's items ({@code NaN} = not answered). */
	public static double of(double[] items) {
		if (items.length == 0) {
			throw new IllegalArgumentException("a scale needs at least one item");
		}
		double sum = 0;
		int answered = 0;
		for (double item : items) {
			if (!Double.isNaN(item)) {
				sum += item;
				answered++;
			}
		}
		if (2 * answered < items.length) {
			return Double.NaN;
		}
		double mean = sum / answered;
		// second pass as R's mean, so that a score equals rowMeans' to the last bit more often
		double correction = 0;
		for (double item : items) {
			if (!Double.isNaN(item)) {
				correction += item - mean;
			}
		}
		return mean + correction / answered;
	}

	/** Scores of many respondents: {@code answers[respondent][item]}. */
	public static double[] of(double[][] answers) {
		double[] scores = new double[answers.length];
		for (int r = 0; r < answers.length; r++) {
			scores[r] = of(answers[r]);
		}
		return scores;
	}

}
