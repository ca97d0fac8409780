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
import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.ItemSettings;
import org.coachapproach.curriculum.TrainingSession;
import org.coachapproach.people.Member;

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
		Set<String> completedSessions = new HashSet<>();
		Map<String, Status> exercises = new HashMap<>();
		this.jdbc.sql("""
				SELECT item_type, item_id FROM completion WHERE person_id = ? AND course_id = ?
				UNION ALL
				SELECT 'DRAFT', exercise_id FROM reflection WHERE person_id = ? AND course_id = ? AND submitted_at IS NULL""")
			.params(member.person().value(), member.course().value(), member.person().value(), member.course().value())
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
		CoursePlan plan = this.settings.of(member.course());
		List<ProgramProgress.SessionProgress> sessions = new ArrayList<>();
		for (TrainingSession session : this.curriculum.sessions()) {
			ItemSettings settings = plan.session(session.id());
			sessions.add(new ProgramProgress.SessionProgress(session, status(session, completedSessions, exercises),
					settings, plan.isOpen(ItemRef.session(session.id()))));
		}
		return new ProgramProgress(sessions, exercises, plan);
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
