package org.coachapproach.matching;

import java.util.List;
import java.util.Map;

/**
 * One person's matching intake as submitted: per criterion id (see
 * {@link org.coachapproach.curriculum.IntakeForms#CRITERIA}) the options chosen and any free
 * text, the preference about the other person, and for a mentor how many mentees they can take.
 */
public record IntakeAnswers(Map<String, Answer> answers, Map<String, Wish> preferences, Integer capacity) {

	public IntakeAnswers {
		answers = Map.copyOf(answers);
		preferences = Map.copyOf(preferences);
	}

	public Answer answer(String criterion) {
		return this.answers.getOrDefault(criterion, Answer.NONE);
	}

	public Wish preference(String criterion) {
		return this.preferences.getOrDefault(criterion, Wish.NONE);
	}

	/** Option ids chosen, and the free-text "other" answer (or {@code null}). */
	public record Answer(List<String> options, String other) {

		static final Answer NONE = new Answer(List.of(), null);

		public Answer {
			options = List.copyOf(options);
		}

	}

	/**
	 * @param direction {@code same}, {@code different} or {@code none}
	 * @param required a requirement (never paired otherwise) rather than a wish
	 */
	public record Wish(String direction, boolean required) {

		public static final Wish NONE = new Wish("none", false);

	}

}
