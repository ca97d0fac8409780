package org.coachapproach.progress;

import java.time.Instant;
import java.util.Set;

/**
 * An observer's checklist for a colleague in a triad exercise.
 *
 * @param colleague the colleague observed, as the observer named them
 * @param checkedItems indices into the exercise's observer checklist
 */
public record ObserverChecklist(String exerciseId, String colleague, Set<Integer> checkedItems, String notes,
		Instant updatedAt) {

	public ObserverChecklist {
		checkedItems = Set.copyOf(checkedItems);
	}

	public boolean isChecked(int item) {
		return this.checkedItems.contains(item);
	}

}
