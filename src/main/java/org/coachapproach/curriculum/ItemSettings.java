package org.coachapproach.curriculum;

import java.time.LocalDate;

/**
 * How one item is offered in one course.
 *
 * @param visible whether learners see it at all
 * @param required whether it counts towards completion
 * @param releaseOn the first day learners can open it; {@code null}: from the start
 * @param dueOn the day it is due; {@code null}: no due date
 */
public record ItemSettings(boolean visible, boolean required, LocalDate releaseOn, LocalDate dueOn) {

	/** Visible, no dates; sessions and exercises are required, recordings optional. */
	public static ItemSettings defaults(ItemKind kind) {
		return new ItemSettings(true, kind != ItemKind.RECORDING, null, null);
	}

	public boolean isReleased(LocalDate today) {
		return this.releaseOn == null || !today.isBefore(this.releaseOn);
	}

	/** Visible and released: a learner may open it. */
	public boolean isOpen(LocalDate today) {
		return this.visible && isReleased(today);
	}

}
