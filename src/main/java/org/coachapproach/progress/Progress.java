package org.coachapproach.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.curriculum.CoursePlan;
import org.coachapproach.curriculum.CourseSettings;
import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.ItemKind;
import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.ItemSettings;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;

import org.springframework.stereotype.Service;

/** A person's progress through the program, as the home and session pages show it. */
@Service
public class Progress {

	private final ProgressRecords records;

	private final Curriculum curriculum;

	private final CourseSettings settings;

	Progress(ProgressRecords records, Curriculum curriculum, CourseSettings settings) {
		this.records = records;
		this.curriculum = curriculum;
		this.settings = settings;
	}

	/**
	 * Every session with its status and the course's settings for it, and every exercise begun
	 * or complete: one progress query (and the course's settings), as this is read on the first
	 * page of every launch.
	 * @throws NotInACourseException when the member has no course
	 */
	public ProgramProgress statusOf(Member member) {
		requireCourse(member);
		return statusOf(member.person(), member.course());
	}

	/** As {@link #statusOf(Member)}, for a person of the course (recognition pages for staff). */
	public ProgramProgress statusOf(PersonId person, CourseId course) {
		Set<String> completedSessions = new HashSet<>();
		Map<String, Status> exercises = new HashMap<>();
		for (ProgressRecords.ItemRow row : this.records.doneOrBegun(person, course)) {
			switch (row.type()) {
				case "SESSION" -> completedSessions.add(row.itemId());
				case "EXERCISE" -> exercises.put(row.itemId(), Status.COMPLETE);
				case ProgressRecords.DRAFT -> exercises.putIfAbsent(row.itemId(), Status.IN_PROGRESS);
				default -> {
				}
			}
		}
		CoursePlan plan = this.settings.of(course);
		List<ProgramProgress.SessionProgress> sessions = new ArrayList<>();
		for (TrainingSession session : this.curriculum.sessions()) {
			ItemSettings settings = plan.session(session.id());
			sessions.add(new ProgramProgress.SessionProgress(session, status(session, completedSessions, exercises),
					settings, plan.isOpen(ItemRef.session(session.id()))));
		}
		return new ProgramProgress(sessions, exercises, plan);
	}

	/** The person's completed sessions and exercises in the course, with when, oldest first. */
	public List<Completion> completions(PersonId person, CourseId course) {
		return this.records.completions(person, course);
	}

	/** A completed session or exercise. */
	public record Completion(ItemKind kind, String itemId, java.time.Instant completedAt) {
	}

	/** Complete when recorded complete; in progress once any of its exercises is begun. */
	static Status status(TrainingSession session, Set<String> completedSessions, Map<String, Status> exercises) {
		if (completedSessions.contains(session.id())) {
			return Status.COMPLETE;
		}
		return session.exerciseIds().stream().anyMatch(exercises::containsKey) ? Status.IN_PROGRESS : Status.NOT_STARTED;
	}

	static void requireCourse(Member member) {
		if (member.course() == null) {
			throw new NotInACourseException();
		}
	}

}
