package org.coachapproach.curriculum.internal;

import java.util.ArrayList;
import java.util.List;

import org.coachapproach.curriculum.CurriculumProblem;

/** Collects problems across all files so an author sees them together. */
public final class Problems {

	private final List<CurriculumProblem> found = new ArrayList<>();

	public void add(String file, int line, String message) {
		this.found.add(new CurriculumProblem(file, line, message));
	}

	public boolean isEmpty() {
		return this.found.isEmpty();
	}

	public List<CurriculumProblem> list() {
		return List.copyOf(this.found);
	}

}
