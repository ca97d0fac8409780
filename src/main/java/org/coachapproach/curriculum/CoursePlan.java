package org.coachapproach.curriculum;

import java.time.LocalDate;
import java.util.Map;

import org.coachapproach.people.CourseId;

/**
 * One course's configuration of the program, as it stands on {@link #today()}: which items
 * learners see, which count, when they open and are due, and when mentors start meeting
 * mentees. Items with no settings have the {@linkplain ItemSettings#defaults defaults}.
 *
 * @param meetMenteesFrom the date mentors are prompted to start meeting mentees; {@code null}: not set
 * @param today the current date in the course's time zone, against which release dates count
 */
public record CoursePlan(CourseId course, Map<ItemRef, ItemSettings> items, LocalDate meetMenteesFrom, LocalDate today) {

	public CoursePlan {
		items = Map.copyOf(items);
	}

	public ItemSettings item(ItemRef item) {
		return this.items.getOrDefault(item, ItemSettings.defaults(item.kind()));
	}

	public ItemSettings session(String sessionId) {
		return item(ItemRef.session(sessionId));
	}

	public ItemSettings exercise(String exerciseId) {
		return item(ItemRef.exercise(exerciseId));
	}

	/** Whether a learner may open the item today. */
	public boolean isOpen(ItemRef item) {
		return item(item).isOpen(this.today);
	}

	/** Whether an exercise counts towards its session's completion: required and visible. */
	public boolean counts(ItemRef item) {
		ItemSettings settings = item(item);
		return settings.visible() && settings.required();
	}

}
