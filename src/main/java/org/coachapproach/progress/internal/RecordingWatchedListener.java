package org.coachapproach.progress.internal;

import org.coachapproach.series.RecordingWatched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns a watched recording into a RECORDING completion, after the series module's
 * transaction commits (or at once when it published outside one).
 */
@Component
class RecordingWatchedListener {

	private static final Logger log = LoggerFactory.getLogger(RecordingWatchedListener.class);

	private final CompletionRules rules;

	RecordingWatchedListener(CompletionRules rules) {
		this.rules = rules;
	}

	@TransactionalEventListener(fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void on(RecordingWatched watched) {
		if (watched.course() == null) {
			// Completion is kept per course; a recording watched outside one counts nowhere.
			log.debug("Recording {} watched outside a course; no completion recorded", watched.recordingId());
			return;
		}
		this.rules.recordingWatched(watched.person(), watched.course(), watched.recordingId(), watched.contentHash());
	}

}
