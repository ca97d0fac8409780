package org.coachapproach.curriculum.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.ItemSettings;
import org.coachapproach.curriculum.SettingsChange;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The settings tables of {@code V8__curriculum_course_settings.sql}: entities, and the course
 * row's lock on SQL (insert-if-absent then {@code FOR UPDATE}, one round each, no race on the insert).
 */
@Repository
public class CourseSettingsRecords {

	private final JdbcClient jdbc;

	private final ItemSettingsRows items;

	private final CourseSettingsRows courses;

	private final SettingsChangeRows changes;

	CourseSettingsRecords(JdbcClient jdbc, ItemSettingsRows items, CourseSettingsRows courses, SettingsChangeRows changes) {
		this.jdbc = jdbc;
		this.items = items;
		this.courses = courses;
		this.changes = changes;
	}

	public Map<ItemRef, ItemSettings> items(CourseId course) {
		Map<ItemRef, ItemSettings> items = new HashMap<>();
		this.items.findByCourseId(course.value()).forEach(row -> items.put(row.item(), row.settings()));
		return items;
	}

	public Optional<LocalDate> meetMenteesFrom(CourseId course) {
		return this.courses.findById(course.value()).map(CourseSettingsRow::meetMenteesFrom);
	}

	/**
	 * Makes sure the course's row exists and locks it until the transaction ends, so two
	 * changes to one course run one after the other and audit what the other left.
	 */
	public void lock(CourseId course, Instant now) {
		this.jdbc.sql("""
				INSERT INTO curriculum_course_settings (course_id, updated_at) VALUES (?, ?)
				ON DUPLICATE KEY UPDATE course_id = course_id""")
			.params(course.value(), Timestamp.from(now))
			.update();
		this.jdbc.sql("SELECT course_id FROM curriculum_course_settings WHERE course_id = ? FOR UPDATE")
			.param(course.value())
			.query(Long.class)
			.single();
	}

	public void saveItem(CourseId course, ItemRef item, ItemSettings settings, Instant now) {
		// Callers hold the course's lock: no second writer can insert the row meanwhile.
		ItemSettingsRow row = this.items.findByCourseIdAndItemTypeAndItemId(course.value(), item.kind(), item.id())
			.orElseGet(() -> new ItemSettingsRow(course, item));
		row.change(settings, now);
		this.items.save(row);
	}

	public void saveMeetMenteesFrom(CourseId course, LocalDate date, Instant now) {
		this.courses.findById(course.value()).orElseThrow().changeMeetMenteesFrom(date, now);
	}

	public void audit(CourseId course, PersonId who, Instant at, ItemRef item, String field, String oldValue,
			String newValue) {
		this.changes.save(new SettingsChangeRow(course, who, at, item, field, oldValue, newValue));
	}

	public List<SettingsChange> history(CourseId course, int limit) {
		return this.changes.findByCourseIdOrderByChangedAtDescIdDesc(course.value(), Limit.of(limit))
			.stream()
			.map(SettingsChangeRow::view)
			.toList();
	}

}
