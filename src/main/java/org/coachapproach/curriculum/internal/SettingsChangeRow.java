package org.coachapproach.curriculum.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.coachapproach.curriculum.ItemKind;
import org.coachapproach.curriculum.ItemRef;
import org.coachapproach.curriculum.SettingsChange;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.PersonId;

/** Who changed which field, when; item is {@code null} for a course-wide field. */
@Entity
@Table(name = "curriculum_settings_change")
class SettingsChangeRow {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "course_id", nullable = false)
	private long courseId;

	@Column(name = "person_id", nullable = false)
	private long personId;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "item_type", length = 16)
	private ItemKind itemType;

	@Column(name = "item_id", length = 100)
	private String itemId;

	@Column(nullable = false, length = 32)
	private String field;

	@Column(name = "old_value", length = 32)
	private String oldValue;

	@Column(name = "new_value", length = 32)
	private String newValue;

	protected SettingsChangeRow() {
	}

	SettingsChangeRow(CourseId course, PersonId who, Instant at, ItemRef item, String field, String oldValue,
			String newValue) {
		this.courseId = course.value();
		this.personId = who.value();
		this.changedAt = at;
		this.itemType = item == null ? null : item.kind();
		this.itemId = item == null ? null : item.id();
		this.field = field;
		this.oldValue = oldValue;
		this.newValue = newValue;
	}

	SettingsChange view() {
		return new SettingsChange(this.changedAt, new PersonId(this.personId), null,
				this.itemType == null ? null : new ItemRef(this.itemType, this.itemId), this.field, this.oldValue,
				this.newValue);
	}

}
