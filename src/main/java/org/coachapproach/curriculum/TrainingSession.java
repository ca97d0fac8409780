package org.coachapproach.curriculum;

import java.util.List;

/**
 * One 90-minute session of the mentor training, from {@code sessions/NN-*.md}.
 *
 * @param body the session's Markdown content (front matter removed), as the author wrote it
 */
public record TrainingSession(String id, int number, String title, int durationMinutes, String summary,
		List<String> objectives, List<String> competencyIds, List<AgendaItem> agenda, List<String> exerciseIds,
		List<String> preWork, List<String> betweenSessionPractice, String body) {

	public TrainingSession {
		objectives = List.copyOf(objectives);
		competencyIds = List.copyOf(competencyIds);
		agenda = List.copyOf(agenda);
		exerciseIds = List.copyOf(exerciseIds);
		preWork = List.copyOf(preWork);
		betweenSessionPractice = List.copyOf(betweenSessionPractice);
	}

	public record AgendaItem(int minutes, String activity) {
	}

}
