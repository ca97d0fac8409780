package org.coachapproach.assessment.internal.imports;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

import org.coachapproach.assessment.internal.report.CohortReader;
import org.coachapproach.people.CourseId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The label staff give a course's own cohort ({@link CohortReader#OWN}), e.g. {@code 2025-2026},
 * so that it sits beside the earlier cohorts imported under theirs.
 */
@Service
public class CohortLabels {

	/** As long as {@code assessment_response.cohort} holds. */
	public static final int MAX_LENGTH = 32;

	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*");

	private final JdbcClient jdbc;

	private final Clock clock;

	CohortLabels(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Why a label cannot be a cohort's (the course's own, or an earlier one imported), as a message
	 * key; {@code null} when it can. A label is 1 to {@value #MAX_LENGTH} letters, digits, spaces,
	 * dots, hyphens and underscores, starting with a letter or digit. The one rule for both.
	 */
	public static String problem(String label) {
		if (label == null || label.isBlank()) {
			return "assessment.cohorts.label.empty";
		}
		if (label.length() > MAX_LENGTH) {
			return "assessment.cohorts.label.long";
		}
		return ALLOWED.matcher(label).matches() ? null : "assessment.cohorts.label.characters";
	}

	/** Whether an earlier cohort imported into the course carries {@code label} (case aside). */
	public boolean isImported(CourseId course, String label) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM (SELECT 1 FROM assessment_response
				WHERE course_id = ? AND cohort <> '' AND LOWER(cohort) = LOWER(?) LIMIT 1) c""")
			.params(course.value(), label)
			.query(Integer.class)
			.single() > 0;
	}

	/** Whether {@code label} is the one staff set for the course's own cohort (case aside). */
	public boolean isOwn(CourseId course, String label) {
		return own(course).filter(label::equalsIgnoreCase).isPresent();
	}

	/** The label staff set for the course's own cohort, if any. */
	public Optional<String> own(CourseId course) {
		return this.jdbc.sql("SELECT label FROM assessment_cohort_label WHERE course_id = ?")
			.param(course.value())
			.query(String.class)
			.optional();
	}

	/**
	 * Sets the label of the course's own cohort.
	 * @throws IllegalArgumentException when {@link #problem(String)} names a problem; nothing is saved
	 */
	public void setOwn(CourseId course, String label) {
		String problem = problem(label);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		this.jdbc.sql("""
				INSERT INTO assessment_cohort_label (course_id, label, updated_at) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE label = VALUES(label), updated_at = VALUES(updated_at)""")
			.params(course.value(), label, Timestamp.from(this.clock.instant()))
			.update();
	}

}
