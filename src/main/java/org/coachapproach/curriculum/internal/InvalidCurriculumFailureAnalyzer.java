package org.coachapproach.curriculum.internal;

import org.coachapproach.curriculum.InvalidCurriculumException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad curriculum into a start-up report an author can act on. */
class InvalidCurriculumFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCurriculumException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidCurriculumException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the files named above (file:line: problem), or run the curriculum check described in the README.",
				cause);
	}

}
