package org.coachapproach.assessment.internal.responses;

import java.util.List;
import java.util.Optional;

import org.coachapproach.assessment.OwnResponse;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A respondent's rows of {@code assessment_response}, always by their pseudonym and in the
 * course's own cohort: there is no query here by which anyone could list who responded.
 */
@Repository
public class ResponseStore {

	private final JdbcClient jdbc;

	ResponseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OwnResponse> find(CourseId course, byte[] respondent, String instrumentId, Wave wave) {
		return this.jdbc.sql("""
				SELECT submitted, answers FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND respondent = ? AND wave = ? AND cohort = ''""")
			.params(course.value(), instrumentId, respondent, wave.label())
			.query((rs, row) -> new OwnResponse(instrumentId, wave, rs.getBoolean(1), AnswerCodec.unpack(rs.getString(2))))
			.optional();
	}

	public List<OwnResponse> all(CourseId course, byte[] respondent) {
		return this.jdbc.sql("""
				SELECT instrument_id, wave, submitted, answers FROM assessment_response
				WHERE course_id = ? AND respondent = ? AND cohort = '' ORDER BY instrument_id, wave""")
			.params(course.value(), respondent)
			.query((rs, row) -> new OwnResponse(rs.getString(1), Wave.fromLabel(rs.getString(2)).orElseThrow(),
					rs.getBoolean(3), AnswerCodec.unpack(rs.getString(4))))
			.list();
	}

	/** Whether the response was submitted, locking its row (if any) until the transaction ends. */
	public boolean lockSubmitted(CourseId course, byte[] respondent, String instrumentId, Wave wave) {
		return this.jdbc.sql("""
				SELECT submitted FROM assessment_response
				WHERE course_id = ? AND instrument_id = ? AND respondent = ? AND wave = ? AND cohort = '' FOR UPDATE""")
			.params(course.value(), instrumentId, respondent, wave.label())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Writes a draft or the submitted answers; a submitted row is never changed. */
	public void save(CourseId course, byte[] respondent, String instrumentId, Wave wave, boolean submit,
			String contentHash, java.util.Map<String, String> answers) {
		// Even by a save racing the first submit (MariaDB assigns left to right).
		this.jdbc.sql("""
				INSERT INTO assessment_response (course_id, instrument_id, respondent, wave, submitted, origin, content_hash, answers)
				VALUES (?, ?, ?, ?, ?, 'TOOL', ?, ?)
				ON DUPLICATE KEY UPDATE answers = IF(submitted, answers, VALUES(answers)),
				    content_hash = IF(submitted, content_hash, VALUES(content_hash)), submitted = submitted OR VALUES(submitted)""")
			.params(course.value(), instrumentId, respondent, wave.label(), submit, contentHash, AnswerCodec.pack(answers))
			.update();
	}

}
