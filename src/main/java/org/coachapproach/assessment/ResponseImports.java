package org.coachapproach.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.LineProblem;
import org.coachapproach.assessment.internal.imports.CohortLabels;
import org.coachapproach.assessment.internal.imports.ImportJobs;
import org.coachapproach.assessment.internal.imports.ResponseImport;
import org.coachapproach.assessment.internal.report.CohortReader;
import org.coachapproach.curriculum.Instrument;
import org.coachapproach.curriculum.Instrument.Item;
import org.coachapproach.curriculum.Instrument.Wave;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.stereotype.Service;

/**
 * Earlier cohorts of a course: staff import one's responses from a survey platform's export
 * (read the file's layout, map its columns, check it all, then write it as a job), and name the
 * course's own cohort beside the imported ones.
 */
@Service
public class ResponseImports {

	/** The cohort of the course's own respondents, as against an earlier one imported under its label. */
	public static final String OWN_COHORT = CohortReader.OWN;

	private final ResponseImport imports;

	private final ImportJobs jobs;

	private final CohortLabels labels;

	ResponseImports(ResponseImport imports, ImportJobs jobs, CohortLabels labels) {
		this.imports = imports;
		this.jobs = jobs;
		this.labels = labels;
	}

	/** Whether {@code label} may name an earlier cohort. */
	public static boolean isCohortLabel(String label) {
		return CohortLabels.problem(label) == null;
	}

	/**
	 * The file's columns and where its responses start.
	 * @throws ImportRefusedException when the file is empty, too wide or has an unclosed quote
	 */
	public static Layout layout(String text, char delimiter) {
		return ResponseImport.layout(ResponseImport.rows(text, delimiter));
	}

	/** The column each answer key would map to by default. */
	public static Map<String, Integer> suggestedMapping(Layout layout, Map<String, Item> asked) {
		return ResponseImport.suggestedMapping(layout, asked);
	}

	/**
	 * Checks every row of the file, writing nothing.
	 * @throws ImportRefusedException naming every bad row and why
	 */
	public Preview check(Request request) {
		return this.imports.check(request).preview();
	}

	/**
	 * Checks the file again (it travels in the form) and starts writing it as a job.
	 * @return the job's id
	 * @throws ImportRefusedException naming every bad row, or another import running in the course
	 */
	public long start(Request request, PersonId startedBy) {
		return this.imports.start(this.imports.check(request), startedBy);
	}

	/** A job of the course, for its status page. */
	public Optional<Job> job(CourseId course, long id) {
		return this.jobs.find(course, id);
	}

	/** The label staff set for the course's own cohort, if any. */
	public Optional<String> ownCohortLabel(CourseId course) {
		return this.labels.own(course);
	}

	/**
	 * Why {@code label} cannot name the course's own cohort, as a message key: a bad label, or
	 * one an imported cohort carries (two columns of the comparison would carry one name);
	 * {@code null} when it can.
	 */
	public String ownCohortLabelProblem(CourseId course, String label) {
		String problem = CohortLabels.problem(label);
		if (problem == null && this.labels.isImported(course, label)) {
			return "assessment.cohorts.label.taken";
		}
		return problem;
	}

	/**
	 * Names the course's own cohort.
	 * @throws IllegalArgumentException when {@link #ownCohortLabelProblem} names a problem; nothing is saved
	 */
	public void setOwnCohortLabel(CourseId course, String label) {
		String problem = ownCohortLabelProblem(course, label);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		this.labels.setOwn(course, label);
	}

	/** The file's columns as staff map them: id (first row) and question text (second row, when Qualtrics'). */
	public record Column(int index, String id, String question) {
	}

	/** The file's columns, and where its responses start. */
	public record Layout(List<Column> columns, int firstDataRow, int responses) {
	}

	/** What staff asked for: the file, into which cohort, instrument and wave, and their mapping. */
	public record Request(CourseId course, String cohort, Instrument instrument, Wave wave, boolean retrospective,
			String text, char delimiter, int respondentColumn, Map<String, Integer> mapping) {
	}

	/** Missing answers (blank cells) to one mapped item. */
	public record Missing(String key, String text, int missing) {
	}

	/** An item the file has no column for: not asked in that cohort (so missing for no one). */
	public record NotAsked(String key, String text) {
	}

	/**
	 * What an import would write, as the preview shows it.
	 * @param paired respondents whose code already has the other wave (pre, or post / follow-up) in the same cohort
	 * @param notAsked the items the file has no column for (not asked in that cohort)
	 */
	public record Preview(int rows, int respondents, int paired, List<Missing> missing, List<NotAsked> notAsked) {
	}


	public static class ImportRefusedException extends RuntimeException {

		private final List<LineProblem> problems;

		public ImportRefusedException(List<LineProblem> problems) {
			super(problems.size() + " problems");
			this.problems = List.copyOf(problems);
		}

		public List<LineProblem> problems() {
			return this.problems;
		}

	}

	public enum Status {

		RUNNING, DONE, FAILED, INTERRUPTED

	}

	/**
	 * One import, as its status page shows it.
	 * @param notAsked the instrument's answer keys the file had no column for ("not asked in that cohort")
	 * @param imported responses written, once done
	 */
	public record Job(long id, CourseId course, String cohort, String instrumentId, String wave, int rowsTotal,
			int rowsDone, Status status, Integer imported, List<String> notAsked, String problem, PersonId startedBy,
			Instant startedAt, Instant finishedAt) {

		public int percent() {
			return this.rowsTotal == 0 ? 100 : (int) (100L * this.rowsDone / this.rowsTotal);
		}

	}

}
