package org.coachapproach.progress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.CourseRole;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;

import org.springframework.stereotype.Service;

/**
 * The completion picture of a whole course, for staff: every member with each session's status
 * and the recordings they watched. Completion is not confidential (survey answers are, and
 * are not here).
 */
@Service
public class CourseCompletion {

	private final ProgressRecords records;

	private final Curriculum curriculum;

	private final org.coachapproach.people.People people;

	CourseCompletion(ProgressRecords records, Curriculum curriculum, org.coachapproach.people.People people) {
		this.people = people;
		this.records = records;
		this.curriculum = curriculum;
	}

	/** Every member of the course, in no particular order: three queries whatever the roster's size. */
	public List<MemberCompletion> of(CourseId course) {
		Map<Long, Set<String>> sessions = new HashMap<>();
		Map<Long, Map<String, Status>> exercises = new HashMap<>();
		Map<Long, Integer> recordings = new HashMap<>();
		for (ProgressRecords.ItemRow row : this.records.doneOrBegun(course)) {
			long person = row.person();
			String id = row.itemId();
			switch (row.type()) {
				case "SESSION" -> sessions.computeIfAbsent(person, p -> new HashSet<>()).add(id);
				case "EXERCISE" -> exercises.computeIfAbsent(person, p -> new HashMap<>()).put(id, Status.COMPLETE);
				case ProgressRecords.DRAFT -> exercises.computeIfAbsent(person, p -> new HashMap<>()).putIfAbsent(id, Status.IN_PROGRESS);
				case "RECORDING" -> recordings.merge(person, 1, Integer::sum);
				default -> {
				}
			}
		}
		// The roster as people keeps it; division and rank come with the roster work.
		return this.people.roster(course).stream().map(entry -> {
			long person = entry.person().value();
			List<Status> statuses = new ArrayList<>();
			for (TrainingSession session : this.curriculum.sessions()) {
				statuses.add(Progress.status(session, sessions.getOrDefault(person, Set.of()),
						exercises.getOrDefault(person, Map.of())));
			}
			return new MemberCompletion(entry.person(), entry.displayName(), entry.courseRoles(), entry.programRole(),
					statuses, recordings.getOrDefault(person, 0));
		}).toList();
	}

	/** Sessions in teaching order: the grid's columns. */
	public List<TrainingSession> sessions() {
		return this.curriculum.sessions();
	}

	/**
	 * One member's row of the grid.
	 *
	 * @param name as the platform gave it; may be {@code null}
	 * @param sessions each session's status, in teaching order
	 */
	public record MemberCompletion(PersonId person, String name, Set<CourseRole> courseRoles, ProgramRole programRole,
			List<Status> sessions, int recordingsWatched) {

		public MemberCompletion {
			courseRoles = Set.copyOf(courseRoles);
			sessions = List.copyOf(sessions);
		}

		/** Course roles in a stable order, for display. */
		public List<CourseRole> courseRoleList() {
			return this.courseRoles.stream().sorted().toList();
		}

		public long sessionsComplete() {
			return this.sessions.stream().filter(s -> s == Status.COMPLETE).count();
		}

		/** Learners are whom completion rates count. */
		public boolean isLearner() {
			return this.courseRoles.contains(CourseRole.LEARNER);
		}

	}

}
