package org.coachapproach.curriculum;

import java.time.LocalDate;
import java.util.Map;

/**
 * New settings for a course: the items listed get exactly these settings (items not listed
 * stay as they are), and the mentor meeting prompt date becomes {@code meetMenteesFrom}.
 */
public record PlanChange(Map<ItemRef, ItemSettings> items, LocalDate meetMenteesFrom) {

	public PlanChange {
		items = Map.copyOf(items);
	}

}
