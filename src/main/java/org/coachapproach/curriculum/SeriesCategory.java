package org.coachapproach.curriculum;

import java.util.Optional;

/** The five CFDS topic areas, with the label authors write in {@code curriculum/series/}. */
public enum SeriesCategory {

	PROMOTION("promotion"), TEACHING("teaching"), PROFESSIONAL_LEADERSHIP("professional-leadership"),
	WORK_LIFE_WELLNESS("work-life-wellness"), DEI("dei");

	private final String label;

	SeriesCategory(String label) {
		this.label = label;
	}

	/** The label used in files and URLs, e.g. {@code work-life-wellness}. */
	public String label() {
		return this.label;
	}

	public static Optional<SeriesCategory> fromLabel(String label) {
		for (SeriesCategory category : values()) {
			if (category.label.equals(label)) {
				return Optional.of(category);
			}
		}
		return Optional.empty();
	}

}
