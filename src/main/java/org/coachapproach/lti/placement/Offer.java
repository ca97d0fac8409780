package org.coachapproach.lti.placement;

/**
 * One thing an instructor can place in a course.
 *
 * @param group the picker's section ({@code sessions}, {@code exercises}, ...)
 * @param category for recordings, the CFDS category label (searchable); otherwise {@code null}
 * @param gradable whether completion is tracked and can be sent to the gradebook
 */
public record Offer(PlacedItem item, String group, String title, String text, String category, boolean gradable,
		int defaultPoints) {

	/** Whether every word of {@code query} occurs in the title, category or text (any case). */
	public boolean matches(String query) {
		if (query == null || query.isBlank()) {
			return true;
		}
		String haystack = (this.title + " " + (this.category == null ? "" : this.category) + " "
				+ (this.text == null ? "" : this.text))
			.toLowerCase(java.util.Locale.ROOT);
		for (String word : query.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+")) {
			if (!haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}

}
