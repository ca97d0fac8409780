package org.coachapproach.curriculum.internal;

import java.time.Instant;
import java.time.LocalDate;

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
import org.coachapproach.curriculum.ItemSettings;
import org.coachapproach.people.CourseId;

/** One item's settings in a course; no row means the defaults. */
@Entity
@Table(name = "curriculum_item_settings")
class ItemSettingsRow {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "course_id", nullable = false)
	private long courseId;

	@Enumerated(EnumType.STRING)
	@Column(name = "item_type", nullable = false, length = 16)
	private ItemKind itemType;

	@Column(name = "item_id", nullable = false, length = 100)
	private String itemId;

	@Column(nullable = false)
	private boolean visible;

	@Column(nullable = false)
	private boolean required;

	@Column(name = "release_at")
	private LocalDate releaseAt;

	@Column(name = "due_at")
	private LocalDate dueAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected ItemSettingsRow() {
	}

	ItemSettingsRow(CourseId course, ItemRef item) {
		this.courseId = course.value();
		this.itemType = item.kind();
		this.itemId = item.id();
	}

	void change(ItemSettings settings, Instant at) {
		this.visible = settings.visible();
		this.required = settings.required();
		this.releaseAt = settings.releaseOn();
		this.dueAt = settings.dueOn();
		this.updatedAt = at;
	}

	ItemRef item() {
		return new ItemRef(this.itemType, this.itemId);
	}

	ItemSettings settings() {
		return new ItemSettings(this.visible, this.required, this.releaseAt, this.dueAt);
	}

}
