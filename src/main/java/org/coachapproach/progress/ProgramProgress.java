package org.coachapproach.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.curriculum.TrainingSession;

/**
 * One person's progress through the program in one course.
 *
 * @param sessions every session in teaching order, with its status
 * @param exercises status by exercise id; exercises not listed are not started
 */
public record ProgramProgress(List<SessionProgress> sessions, Map<String, Status> exercises) {

	public ProgramProgress {
		sessions = List.copyOf(sessions);
		exercises = Map.copyOf(exercises);
	}

	/** The first session, in teaching order, that is not complete; empty when all are. */
	public Optional<SessionProgress> next() {
		return this.sessions.stream().filter(s -> s.status() != Status.COMPLETE).findFirst();
	}

	public Status exercise(String exerciseId) {
		return this.exercises.getOrDefault(exerciseId, Status.NOT_STARTED);
	}

	public Status session(int number) {
		return this.sessions.stream()
			.filter(s -> s.session().number() == number)
			.map(SessionProgress::status)
			.findFirst()
			.orElse(Status.NOT_STARTED);
	}

	public long completed() {
		return this.sessions.stream().filter(s -> s.status() == Status.COMPLETE).count();
	}

	public record SessionProgress(TrainingSession session, Status status) {
	}

}
