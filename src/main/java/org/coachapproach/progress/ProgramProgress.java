package org.coachapproach.progress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.curriculum.CoursePlan;
import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.ItemSettings;
import org.coachapproach.curriculum.TrainingSession;

/**
 * One person's progress through the program in one course, with the course's settings.
 *
 * @param sessions every session in teaching order, with its status and settings (hidden ones too:
 * pages decide what a learner sees)
 * @param exercises status by exercise id; exercises not listed are not started
 * @param plan the course's settings as of today
 */
public record ProgramProgress(List<SessionProgress> sessions, Map<String, Status> exercises, CoursePlan plan) {

	public ProgramProgress {
		sessions = List.copyOf(sessions);
		exercises = Map.copyOf(exercises);
	}

	/** The sessions learners see: the visible ones, released or not. */
	public List<SessionProgress> listed() {
		return this.sessions.stream().filter(s -> s.settings().visible()).toList();
	}

	/**
	 * The first visible, required session, in teaching order, that is not complete; empty when
	 * all are.
	 */
	public Optional<SessionProgress> next() {
		return listed().stream()
			.filter(s -> s.settings().required() && s.status() != Status.COMPLETE)
			.findFirst();
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

	/** Visible sessions complete. */
	public long completed() {
		return listed().stream().filter(s -> s.status() == Status.COMPLETE).count();
	}

	/**
	 * @param settings the session's settings in this course
	 * @param open whether a learner may open it today (visible and released)
	 */
	public record SessionProgress(TrainingSession session, Status status, ItemSettings settings, boolean open) {

		/** Visible, not yet released: listed with its opening date. */
		public boolean opensLater() {
			return this.settings.visible() && !this.open;
		}

	}

	/** Convenience for pages: an exercise's settings in this course. */
	public ItemSettings exerciseSettings(String exerciseId) {
		return this.plan.exercise(exerciseId);
	}

	/** Whether a learner may open the exercise today. */
	public boolean exerciseOpen(String exerciseId) {
		return this.plan.isOpen(ItemRef.exercise(exerciseId));
	}

}
