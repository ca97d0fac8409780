package org.coachapproach.curriculum;

/**
 * One thing wrong with the curriculum files.
 *
 * @param file the file, relative to the curriculum folder
 * @param line 1-based line, or 0 when the problem concerns the file as a whole
 */
public record CurriculumProblem(String file, int line, String message) {

	@Override
	public String toString() {
		return this.line > 0 ? this.file + ":" + this.line + ": " + this.message : this.file + ": " + this.message;
	}

}
