package org.coachapproach.progress.internal;

import org.coachapproach.assessment.SurveySubmitted;
import org.coachapproach.progress.SurveyCompleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completion credit for surveys: assessment announces a submission only where staff turned
 * credit on; progress passes it on as a completion, in the submission's own transaction, so the
 * gradebook's outbox row is written with it or not at all.
 */
@Component
class SurveyCredit {

	private final ApplicationEventPublisher events;

	SurveyCredit(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	void on(SurveySubmitted submitted) {
		this.events.publishEvent(
				new SurveyCompleted(submitted.person(), submitted.course(), submitted.instrumentId(), submitted.wave()));
	}

}
