package org.coachapproach.progress;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.people.Member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Checklists an observer fills for colleagues in a triad: the observer's own record. */
@Service
public class ObserverChecklists {

	public static final int MAX_COLLEAGUE_LENGTH = 200;

	public static final int MAX_NOTES_LENGTH = 5_000;

	private final JdbcClient jdbc;

	private final Curriculum curriculum;

	private final java.time.Clock clock;

	ObserverChecklists(JdbcClient jdbc, Curriculum curriculum, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.curriculum = curriculum;
		this.clock = clock;
	}

	/** The member's checklists for an exercise, most recent first. */
	public List<ObserverChecklist> of(Member member, String exerciseId) {
		Progress.requireCourse(member);
		return this.jdbc.sql("""
				SELECT colleague, checked_items, notes, updated_at FROM observer_checklist
				WHERE person_id = ? AND course_id = ? AND exercise_id = ? ORDER BY updated_at DESC, id DESC""")
			.params(member.person().value(), member.course().value(), exerciseId)
			.query((rs, row) -> new ObserverChecklist(exerciseId, rs.getString("colleague"),
					parse(rs.getString("checked_items")), rs.getString("notes"),
					rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/**
	 * Saves (or replaces) the checklist for a colleague. Item numbers outside the exercise's
	 * checklist are ignored; the caller checks the colleague's name and the notes' length.
	 */
	public void save(Member member, String exerciseId, String colleague, Set<Integer> checked, String notes) {
		Progress.requireCourse(member);
		int items = this.curriculum.exercise(exerciseId).orElseThrow().observerChecklist().size();
		String stored = checked.stream()
			.filter(i -> i >= 0 && i < items)
			.sorted()
			.map(String::valueOf)
			.collect(Collectors.joining(","));
		this.jdbc.sql("""
				INSERT INTO observer_checklist (person_id, course_id, exercise_id, colleague, checked_items, notes,
				    updated_at, content_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE checked_items = VALUES(checked_items), notes = VALUES(notes),
				    updated_at = VALUES(updated_at), content_hash = VALUES(content_hash)""")
			.params(member.person().value(), member.course().value(), exerciseId, colleague.strip(), stored, notes,
					Timestamp.from(this.clock.instant()), this.curriculum.contentHash())
			.update();
	}

	private static Set<Integer> parse(String items) {
		if (items == null || items.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(items.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
	}

}
