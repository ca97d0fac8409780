package org.coachapproach.curriculum;

import java.util.List;
import java.util.stream.Stream;

/**
 * One 90-minute session of the mentor training, from {@code sessions/NN-*.md}.
 *
 * @param preWork what mentors do before the session, each with its estimated minutes
 * @param betweenSessionPractice what mentors do after it, before the next one
 * @param body the session's Markdown content (front matter removed), as the author wrote it
 */
public record TrainingSession(String id, int number, String title, int durationMinutes, String summary,
		List<String> objectives, List<String> competencyIds, List<AgendaItem> agenda, List<String> exerciseIds,
		List<Assignment> preWork, List<Assignment> betweenSessionPractice, String body) {

	public TrainingSession {
		objectives = List.copyOf(objectives);
		competencyIds = List.copyOf(competencyIds);
		agenda = List.copyOf(agenda);
		exerciseIds = List.copyOf(exerciseIds);
		preWork = List.copyOf(preWork);
		betweenSessionPractice = List.copyOf(betweenSessionPractice);
	}

	/** Minutes of essential pre-work and between-session practice: the load a mentor cannot skip. */
	public int essentialMinutes() {
		return assignments().filter(Assignment::essential).mapToInt(Assignment::minutes).sum();
	}

	/** Minutes of optional pre-work and between-session practice. */
	public int optionalMinutes() {
		return assignments().filter(a -> !a.essential()).mapToInt(Assignment::minutes).sum();
	}

	private Stream<Assignment> assignments() {
		return Stream.concat(this.preWork.stream(), this.betweenSessionPractice.stream());
	}

	public record AgendaItem(int minutes, String activity) {
	}

	/**
	 * A piece of work outside the session's 90 minutes; time is the program's main barrier,
	 * so each says how long it takes and whether a busy mentor may skip it.
	 */
	public record Assignment(String text, int minutes, boolean essential) {
	}

}
