package org.coachapproach.assessment.internal.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.coachapproach.assessment.internal.report.CohortReader;
import org.coachapproach.assessment.internal.responses.AnswerCodec;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes submitted responses that did not come through the survey form: an earlier cohort's
 * import, or the demo's synthetic cohort. Batched; the caller holds the transaction.
 */
@Component
public class CohortWriter {

	private final JdbcTemplate jdbc;

	CohortWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A submitted response to write. */
	public record Submitted(byte[] respondent, String instrumentId, Wave wave, Map<String, String> answers) {
	}

	/** @return how many were new (an existing response for the same respondent and wave is kept) */
	public int write(CourseId course, String origin, String contentHash, List<Submitted> responses) {
		return write(course, CohortReader.OWN, origin, contentHash, responses);
	}

	/**
	 * Writes into one cohort of the course ({@link CohortReader#OWN} or an earlier cohort's label).
	 * @return how many were new (an existing response for the same respondent, wave and cohort is kept)
	 */
	public int write(CourseId course, String cohort, String origin, String contentHash, List<Submitted> responses) {
		List<Object[]> rows = new ArrayList<>(responses.size());
		for (Submitted r : responses) {
			rows.add(new Object[] { course.value(), r.instrumentId(), r.respondent(), r.wave().label(), cohort, origin,
					contentHash, AnswerCodec.pack(r.answers()) });
		}
		int written = 0;
		for (int[] batch : this.jdbc.batchUpdate("""
				INSERT IGNORE INTO assessment_response (course_id, instrument_id, respondent, wave, cohort, submitted, origin, content_hash, answers)
				VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?)""", rows, 1000, (ps, row) -> {
			for (int i = 0; i < row.length; i++) {
				ps.setObject(i + 1, row[i]);
			}
		})) {
			for (int n : batch) {
				written += n > 0 ? 1 : n == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
			}
		}
		return written;
	}

}
