package org.coachapproach.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.coachapproach.assessment.internal.responses.AnswerCheck;
import org.coachapproach.assessment.internal.responses.Pseudonyms;
import org.coachapproach.assessment.internal.responses.ResponseStore;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.Member;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A respondent's own responses: one per instrument and wave, a resumable draft until
 * submitted, then final. Every read and write goes through the member's pseudonym; there is
 * no query here by which anyone else could list who responded.
 */
@Service
public class SurveyResponses {

	private final ResponseStore store;

	private final Pseudonyms pseudonyms;

	private final SurveyAdministration administration;

	private final Curriculum curriculum;

	private final ApplicationEventPublisher events;

	/** Every submission, with credit or without: the operator's measure of use, never who. */
	private final Counter submissions;

	SurveyResponses(ResponseStore store, Pseudonyms pseudonyms, SurveyAdministration administration, Curriculum curriculum,
			ApplicationEventPublisher events, MeterRegistry meters) {
		this.store = store;
		this.pseudonyms = pseudonyms;
		this.administration = administration;
		this.curriculum = curriculum;
		this.events = events;
		this.submissions = Counter.builder("coachapproach.survey.submissions")
			.description("Survey responses submitted (final)")
			.register(meters);
	}

	public Optional<OwnResponse> own(Member member, String instrumentId, Wave wave) {
		return this.store.find(member.course(), this.pseudonyms.of(member.course(), member.person()), instrumentId, wave);
	}

	/** Every response of the member in their course, for them to see and download. */
	public List<OwnResponse> mine(Member member) {
		return this.store.all(member.course(), this.pseudonyms.of(member.course(), member.person()));
	}

	/**
	 * Saves the member's answers as a draft, or submits them. Nothing is written when the
	 * survey is not open to them, the response was already submitted, or any answer is wrong.
	 * @throws AnswersRefusedException with every reason
	 */
	@Transactional
	public void save(Member member, Instrument instrument, Wave wave, Map<String, String> posted, boolean submit) {
		if (!mayAnswer(member, instrument, wave)) {
			throw new AnswersRefusedException(List.of(new AnswerProblem(instrument.id(), "closed")));
		}
		byte[] respondent = this.pseudonyms.of(member.course(), member.person());
		if (this.store.lockSubmitted(member.course(), respondent, instrument.id(), wave)) {
			throw new AnswersRefusedException(List.of(new AnswerProblem(instrument.id(), "alreadySubmitted")));
		}
		InstrumentSettings settings = this.administration.settings(member.course(), instrument.id());
		Map<String, String> answers = AnswerCheck.check(AnswerCheck.asked(instrument, wave, settings.retrospective()),
				posted, submit);
		this.store.save(member.course(), respondent, instrument.id(), wave, submit, this.curriculum.contentHash(), answers);
		if (submit) {
			// Counted once the submission is stored for good, not for one that rolls back.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					SurveyResponses.this.submissions.increment();
				}
			});
		}
		if (submit && settings.completionCredit()) {
			this.events.publishEvent(new SurveySubmitted(member.person(), member.course(), instrument.id(), wave.label()));
		}
	}

	/**
	 * The answer keys a wave of an instrument asks, in order, with their items (the retrospective
	 * "then" keys too when {@code retrospective}).
	 */
	public static Map<String, Item> asked(Instrument instrument, Wave wave, boolean retrospective) {
		return AnswerCheck.asked(instrument, wave, retrospective);
	}

	/** Asked of the member's program role, the wave runs in the course and its window is open today. */
	public boolean mayAnswer(Member member, Instrument instrument, Wave wave) {
		return member.course() != null && member.programRole() != null && instrument.asks(member.programRole())
				&& this.administration.runs(member.course(), instrument, wave)
				&& this.administration.window(member.course(), instrument.id(), wave)
					.map(w -> w.isOpenOn(this.administration.today()))
					.orElse(false);
	}

}
