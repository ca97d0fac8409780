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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A person's progress through the program, as the home and session pages show it. */
@Service
public class Progress {

	private final JdbcClient jdbc;

	private final Curriculum curriculum;

	private final CourseSettings settings;

	Progress(JdbcClient jdbc, Curriculum curriculum, CourseSettings settings) {
		this.jdbc = jdbc;
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
		this.jdbc.sql("""
				SELECT item_type, item_id FROM completion WHERE person_id = ? AND course_id = ?
				UNION ALL
				SELECT 'DRAFT', exercise_id FROM reflection WHERE person_id = ? AND course_id = ? AND submitted_at IS NULL""")
			.params(person.value(), course.value(), person.value(), course.value())
			.query((rs, row) -> {
				String type = rs.getString(1);
				String id = rs.getString(2);
				switch (type) {
					case "SESSION" -> completedSessions.add(id);
					case "EXERCISE" -> exercises.put(id, Status.COMPLETE);
					case "DRAFT" -> exercises.putIfAbsent(id, Status.IN_PROGRESS);
					default -> {
					}
				}
				return id;
			})
			.list();
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
		return this.jdbc.sql("""
				SELECT item_type, item_id, completed_at FROM completion
				WHERE person_id = ? AND course_id = ? AND item_type IN ('SESSION', 'EXERCISE') ORDER BY completed_at, id""")
			.params(person.value(), course.value())
			.query((rs, row) -> new Completion(ItemKind.valueOf(rs.getString(1)), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.list();
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
