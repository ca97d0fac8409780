package org.coachapproach.curriculum;

import java.util.List;

/**
 * An experiential exercise, from {@code exercises/<id>.md}; {@code withMentee} when it is held
 * with the mentor's assigned mentee, which only sessions from the program's
 * {@code meetMenteesAfterSession} on may ask for; {@code competencyRatings} when an observer rates
 * the coach on every ICF competency, checklist item n for competency number n (the capstone).
 */
public record Exercise(String id, String title, Kind kind, int durationMinutes, List<String> competencyIds,
		List<Role> roles, List<String> observerChecklist, List<String> reflectionPrompts, boolean withMentee,
		boolean competencyRatings, String body) {

	public Exercise {
		competencyIds = List.copyOf(competencyIds);
		roles = List.copyOf(roles);
		observerChecklist = List.copyOf(observerChecklist);
		reflectionPrompts = List.copyOf(reflectionPrompts);
	}

	public enum Kind {

		IN_CLASS_TRIAD("in-class-triad"), IN_CLASS("in-class"), BETWEEN_SESSION("between-session");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/** A role in a triad: coach, mentee or observer. */
	public record Role(String role, String brief) {
	}

}
