package org.coachapproach.curriculum.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.curriculum.ItemKind;
import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.ItemSettings;
import org.coachapproach.curriculum.SettingsChange;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The settings tables of {@code V8__curriculum_course_settings.sql}. */
@Repository
public class CourseSettingsRecords {

	private final JdbcClient jdbc;

	CourseSettingsRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<ItemRef, ItemSettings> items(CourseId course) {
		Map<ItemRef, ItemSettings> items = new HashMap<>();
		this.jdbc.sql("""
				SELECT item_type, item_id, visible, required, release_at, due_at
				FROM curriculum_item_settings WHERE course_id = ?""")
			.param(course.value())
			.query((rs, row) -> items.put(new ItemRef(ItemKind.valueOf(rs.getString("item_type")), rs.getString("item_id")),
					new ItemSettings(rs.getBoolean("visible"), rs.getBoolean("required"), date(rs.getDate("release_at")),
							date(rs.getDate("due_at")))))
			.list();
		return items;
	}

	public Optional<LocalDate> meetMenteesFrom(CourseId course) {
		return this.jdbc.sql("SELECT meet_mentees_from FROM curriculum_course_settings WHERE course_id = ?")
			.param(course.value())
			.query((rs, row) -> Optional.ofNullable(date(rs.getDate(1))))
			.optional()
			.flatMap(date -> date);
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
		this.jdbc.sql("""
				INSERT INTO curriculum_item_settings (course_id, item_type, item_id, visible, required, release_at, due_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE visible = VALUES(visible), required = VALUES(required),
				    release_at = VALUES(release_at), due_at = VALUES(due_at), updated_at = VALUES(updated_at)""")
			.params(course.value(), item.kind().name(), item.id(), settings.visible(), settings.required(),
					sqlDate(settings.releaseOn()), sqlDate(settings.dueOn()), Timestamp.from(now))
			.update();
	}

	public void saveMeetMenteesFrom(CourseId course, LocalDate date, Instant now) {
		this.jdbc.sql("UPDATE curriculum_course_settings SET meet_mentees_from = ?, updated_at = ? WHERE course_id = ?")
			.params(sqlDate(date), Timestamp.from(now), course.value())
			.update();
	}

	public void audit(CourseId course, PersonId who, Instant at, ItemRef item, String field, String oldValue,
			String newValue) {
		this.jdbc.sql("""
				INSERT INTO curriculum_settings_change (course_id, person_id, changed_at, item_type, item_id, field, old_value, new_value)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(course.value(), who.value(), Timestamp.from(at), item == null ? null : item.kind().name(),
					item == null ? null : item.id(), field, oldValue, newValue)
			.update();
	}

	public List<SettingsChange> history(CourseId course, int limit) {
		return this.jdbc.sql("""
				SELECT c.changed_at, c.person_id, c.item_type, c.item_id, c.field, c.old_value, c.new_value
				FROM curriculum_settings_change c
				WHERE c.course_id = ? ORDER BY c.changed_at DESC, c.id DESC LIMIT ?""")
			.params(course.value(), limit)
			.query((rs, row) -> {
				String type = rs.getString("item_type");
				return new SettingsChange(rs.getTimestamp("changed_at").toInstant(), new PersonId(rs.getLong("person_id")),
						null,
						type == null ? null : new ItemRef(ItemKind.valueOf(type), rs.getString("item_id")),
						rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"));
			})
			.list();
	}

	private static LocalDate date(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static Date sqlDate(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

}
