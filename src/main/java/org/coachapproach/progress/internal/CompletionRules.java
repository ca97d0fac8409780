package org.coachapproach.progress.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.coachapproach.curriculum.CoursePlan;
import org.coachapproach.curriculum.CourseSettings;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.ItemKind;
import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;
import org.coachapproach.progress.ExerciseCompleted;
import org.coachapproach.progress.RecordingCompleted;
import org.coachapproach.progress.SessionCompleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an item counts as complete (also stated in {@code curriculum/README.md}):
 * <ul>
 * <li>an exercise, when its reflection is submitted;</li>
 * <li>a session, when every exercise it lists that counts in the course (required and visible,
 * see {@link CourseSettings}) is complete; with none counting, when any of its exercises is;</li>
 * <li>a CFDS recording, when the series module reports it watched.</li>
 * </ul>
 * Each completion is recorded once with the content hash in force, and its event published
 * once: repeating a submission, retrying a request or re-running the rules changes nothing.
 */
@Component
public class CompletionRules {

	private final CompletionRecords records;

	private final Curriculum curriculum;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CourseSettings settings;

	CompletionRules(CompletionRecords records, Curriculum curriculum, ApplicationEventPublisher events, Clock clock,
			CourseSettings settings) {
		this.records = records;
		this.curriculum = curriculum;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
	}

	/** A reflection was submitted: the exercise is complete, and with it any session it finishes. */
	@Transactional
	public void exerciseSubmitted(PersonId person, CourseId course, String exerciseId) {
		String hash = this.curriculum.contentHash();
		if (this.records.record(person, course, ItemKind.EXERCISE, exerciseId, hash, this.clock.instant())) {
			this.events.publishEvent(new ExerciseCompleted(person, course, exerciseId, hash));
		}
		Set<String> done = new HashSet<>(this.records.completed(person, course, ItemKind.EXERCISE));
		CoursePlan plan = this.settings.of(course);
		for (TrainingSession session : this.curriculum.sessions()) {
			if (session.exerciseIds().contains(exerciseId) && done.containsAll(counting(session, plan))
					&& this.records.record(person, course, ItemKind.SESSION, session.id(), hash, this.clock.instant())) {
				this.events.publishEvent(new SessionCompleted(person, course, session.id(), hash));
			}
		}
	}

	/** The session's exercises that count in the course: required and visible. */
	private static List<String> counting(TrainingSession session, CoursePlan plan) {
		return session.exerciseIds().stream().filter(id -> plan.counts(ItemRef.exercise(id))).toList();
	}

	@Transactional
	public void recordingWatched(PersonId person, CourseId course, String recordingId, String contentHash) {
		String hash = contentHash == null ? this.curriculum.contentHash() : contentHash;
		if (this.records.record(person, course, ItemKind.RECORDING, recordingId, hash, this.clock.instant())) {
			this.events.publishEvent(new RecordingCompleted(person, course, recordingId, hash));
		}
	}

}
