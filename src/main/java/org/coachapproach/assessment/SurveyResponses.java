package org.coachapproach.assessment;

import org.coachapproach.assessment.internal.responses.AnswerCheck;
import org.coachapproach.assessment.internal.responses.AnswerCodec;
import org.coachapproach.assessment.internal.responses.Pseudonyms;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.assessment.SurveySubmitted;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.Member;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A respondent's own responses: one per instrument and wave, a resumable draft until
 * submitted, then final. Every read and write goes through the member's pseudonym; there is
 * no query here by which anyone else could list who responded.
 */
@Service
public class SurveyResponses {

	private final JdbcClient jdbc;

	private final Pseudonyms pseudonyms;

	private final SurveyAdministration administration;

	private final Curriculum curriculum;

	private final ApplicationEventPublisher events;

	SurveyResponses(JdbcClient jdbc, Pseudonyms pseudonyms, SurveyAdministration administration, Curriculum curriculum,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.pseudonyms = pseudonyms;
		this.administration = administration;
		this.curriculum = curriculum;
		this.events = events;
	}

	public Optional<OwnResponse> own(Member member, String instrumentId, Wave wave) {
		return this.jdbc.sql("""
				SELECT submitted, answers FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND respondent = ? AND wave = ? AND cohort = ''""")
			.params(member.course().value(), instrumentId, this.pseudonyms.of(member.course(), member.person()),
					wave.label())
			.query((rs, row) -> new OwnResponse(instrumentId, wave, rs.getBoolean(1), AnswerCodec.unpack(rs.getString(2))))
			.optional();
	}

	/** Every response of the member in their course, for them to see and download. */
	public List<OwnResponse> mine(Member member) {
		return this.jdbc.sql("""
				SELECT instrument_id, wave, submitted, answers FROM assessment_response
				WHERE course_id = ? AND respondent = ? AND cohort = '' ORDER BY instrument_id, wave""")
			.params(member.course().value(), this.pseudonyms.of(member.course(), member.person()))
			.query((rs, row) -> new OwnResponse(rs.getString(1), Wave.fromLabel(rs.getString(2)).orElseThrow(),
					rs.getBoolean(3), AnswerCodec.unpack(rs.getString(4))))
			.list();
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
		Optional<Boolean> submitted = this.jdbc.sql("""
				SELECT submitted FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND respondent = ? AND wave = ? AND cohort = '' FOR UPDATE""")
			.params(member.course().value(), instrument.id(), respondent, wave.label())
			.query(Boolean.class)
			.optional();
		if (submitted.orElse(false)) {
			throw new AnswersRefusedException(List.of(new AnswerProblem(instrument.id(), "alreadySubmitted")));
		}
		InstrumentSettings settings = this.administration.settings(member.course(), instrument.id());
		Map<String, String> answers = AnswerCheck.check(AnswerCheck.asked(instrument, wave, settings.retrospective()),
				posted, submit);
		// A submitted row is never changed, even by a save racing the first one (MariaDB assigns left to right).
		this.jdbc.sql("""
				INSERT INTO assessment_response (course_id, instrument_id, respondent, wave, submitted, origin, content_hash, answers)
				VALUES (?, ?, ?, ?, ?, 'TOOL', ?, ?)
				ON DUPLICATE KEY UPDATE answers = IF(submitted, answers, VALUES(answers)),
				    content_hash = IF(submitted, content_hash, VALUES(content_hash)), submitted = submitted OR VALUES(submitted)""")
			.params(member.course().value(), instrument.id(), respondent, wave.label(), submit,
					this.curriculum.contentHash(), AnswerCodec.pack(answers))
			.update();
		if (submit && settings.completionCredit()) {
			this.events.publishEvent(new SurveySubmitted(member.person(), member.course(), instrument.id(), wave.label()));
		}
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
