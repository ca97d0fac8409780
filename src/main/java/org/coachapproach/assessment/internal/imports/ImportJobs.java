package org.coachapproach.assessment.internal.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.coachapproach.assessment.ResponseImports.Job;
import org.coachapproach.assessment.ResponseImports.Status;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import jobs in the database, so that the status page on any instance sees them. Progress and
 * failure are written in transactions of their own (the rows themselves are written in one
 * long transaction); the end of a job is written in the rows' transaction, so a job is DONE
 * exactly when its rows are committed.
 */
@Repository
public class ImportJobs {

	/** A job not updated for this long died with its instance; its rows were never committed. */
	static final int STALE_MINUTES = 3;

	private final JdbcClient jdbc;

	ImportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long start(CourseId course, String cohort, String instrumentId, String wave, int rowsTotal, List<String> notAsked,
			PersonId startedBy) {
		this.jdbc.sql("""
				INSERT INTO assessment_import_job (course_id, cohort, instrument_id, wave, rows_total, status, not_asked,
				    started_by, started_at, updated_at)
				VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, ?, CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6))""")
			.params(course.value(), cohort, instrumentId, wave, rowsTotal, String.join(",", notAsked), startedBy.value())
			.update();
		return this.jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void progress(long id, int rowsDone) {
		this.jdbc.sql("UPDATE assessment_import_job SET rows_done = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?")
			.params(rowsDone, id)
			.update();
	}

	/** In the transaction that wrote the rows. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void done(long id, int imported) {
		this.jdbc.sql("""
				UPDATE assessment_import_job SET status = 'DONE', rows_done = rows_total, imported = ?,
				    updated_at = CURRENT_TIMESTAMP(6), finished_at = CURRENT_TIMESTAMP(6) WHERE id = ?""")
			.params(imported, id)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(long id, String problem) {
		this.jdbc.sql("""
				UPDATE assessment_import_job SET status = 'FAILED', problem = ?, updated_at = CURRENT_TIMESTAMP(6),
				    finished_at = CURRENT_TIMESTAMP(6) WHERE id = ?""")
			.params(problem, id)
			.update();
	}

	/** Whether an import into the course runs (one not updated for {@value #STALE_MINUTES} minutes died). */
	public boolean running(CourseId course) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM assessment_import_job
				WHERE course_id = ? AND status = 'RUNNING' AND updated_at >= CURRENT_TIMESTAMP(6) - INTERVAL ? MINUTE""")
			.params(course.value(), STALE_MINUTES)
			.query(Integer.class)
			.single() > 0;
	}

	/** The job, if it belongs to the course (another course's job is as good as absent). */
	public Optional<Job> find(CourseId course, long id) {
		return this.jdbc.sql("""
				SELECT id, course_id, cohort, instrument_id, wave, rows_total, rows_done, imported, not_asked, problem,
				    started_by, started_at, finished_at,
				    CASE WHEN status = 'RUNNING' AND updated_at < CURRENT_TIMESTAMP(6) - INTERVAL ? MINUTE
				        THEN 'INTERRUPTED' ELSE status END AS shown
				FROM assessment_import_job WHERE id = ? AND course_id = ?""")
			.params(STALE_MINUTES, id, course.value())
			.query((rs, n) -> new Job(rs.getLong("id"), new CourseId(rs.getLong("course_id")), rs.getString("cohort"),
					rs.getString("instrument_id"), rs.getString("wave"), rs.getInt("rows_total"), rs.getInt("rows_done"),
					Status.valueOf(rs.getString("shown")), (Integer) rs.getObject("imported", Integer.class),
					rs.getString("not_asked").isEmpty() ? List.of() : Arrays.asList(rs.getString("not_asked").split(",")),
					rs.getString("problem"), new PersonId(rs.getLong("started_by")),
					rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant()))
			.optional();
	}

}
