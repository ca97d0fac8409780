package org.coachapproach.assessment.internal.report;

import java.time.LocalDate;
import java.util.List;

import org.coachapproach.assessment.SurveyAdministration;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets answers given in the tool into reports in batches. A wave's held answers are released
 * together once its window is not open (closed, not yet open again, or removed) and at least
 * {@link Suppression#MIN_CELL} of them are held; fewer stay held until a later release has
 * enough. A released answer is never held again: reopening a window, changing its dates or
 * removing it changes nothing already in the figures. So any two reports differ by no one or
 * by at least five people's answers, however staff move the windows in between.
 * <p>
 * Releases happen when a report is about to be read, not by a timer: the state a report
 * shows then follows from the stored batches alone. Several instances may release at once;
 * the batch number is a key, so only one of them writes a given batch, and the others leave
 * it to that one.
 */
@Component
public class ReleaseBatches {

	private static final Logger log = LoggerFactory.getLogger(ReleaseBatches.class);

	/** The SQL condition (on {@code assessment_response}) for a row that may count in a figure. */
	static final String RELEASED = " AND (origin <> 'TOOL' OR release_batch IS NOT NULL) ";

	private final JdbcClient jdbc;

	private final SurveyAdministration administration;

	private final TransactionTemplate transactions;

	ReleaseBatches(JdbcClient jdbc, SurveyAdministration administration, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.administration = administration;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Releases every batch of the course that is due now. */
	public void releaseDue(CourseId course) {
		record Held(String instrumentId, String wave) {
		}
		List<Held> due = this.jdbc.sql("""
				SELECT instrument_id, wave FROM assessment_response
				WHERE course_id = ? AND origin = 'TOOL' AND submitted AND release_batch IS NULL
				GROUP BY instrument_id, wave HAVING COUNT(*) >= ?""")
			.params(course.value(), Suppression.MIN_CELL)
			.query((rs, row) -> new Held(rs.getString(1), rs.getString(2)))
			.list();
		for (Held held : due) {
			Wave.fromLabel(held.wave()).ifPresent(wave -> release(course, held.instrumentId(), wave));
		}
	}

	private void release(CourseId course, String instrumentId, Wave wave) {
		try {
			this.transactions.executeWithoutResult(status -> {
				LocalDate today = this.administration.today();
				boolean open = this.administration.window(course, instrumentId, wave)
					.map(w -> w.isOpenOn(today))
					.orElse(false);
				if (open) {
					return;
				}
				int batch = this.jdbc.sql("""
						SELECT COALESCE(MAX(batch), 0) + 1 FROM assessment_release
						WHERE course_id = ? AND instrument_id = ? AND wave = ?""")
					.params(course.value(), instrumentId, wave.label())
					.query(Integer.class)
					.single();
				// Taken first: a second instance inserting the same batch waits here, then fails on the key.
				this.jdbc.sql("""
						INSERT INTO assessment_release (course_id, instrument_id, wave, batch, respondents)
						VALUES (?, ?, ?, ?, ?)""")
					.params(course.value(), instrumentId, wave.label(), batch, Suppression.MIN_CELL)
					.update();
				int released = this.jdbc.sql("""
						UPDATE assessment_response SET release_batch = ?
						WHERE course_id = ? AND instrument_id = ? AND wave = ? AND origin = 'TOOL' AND submitted
						  AND release_batch IS NULL""")
					.params(batch, course.value(), instrumentId, wave.label())
					.update();
				if (released < Suppression.MIN_CELL) {
					// Another instance released these between our count and our key.
					status.setRollbackOnly();
					return;
				}
				this.jdbc.sql("""
						UPDATE assessment_release SET respondents = ?
						WHERE course_id = ? AND instrument_id = ? AND wave = ? AND batch = ?""")
					.params(released, course.value(), instrumentId, wave.label(), batch)
					.update();
			});
		}
		catch (DuplicateKeyException | ConcurrencyFailureException ex) {
			// Another instance is releasing this wave now; the report reads whatever it committed.
			log.debug("Release of {} {} in course {} left to another instance", instrumentId, wave.label(),
					course.value(), ex);
		}
	}

}
