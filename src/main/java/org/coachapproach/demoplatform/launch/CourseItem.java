package org.coachapproach.demoplatform.launch;

import java.util.Map;

/**
 * A link to the tool placed in a course by deep linking: its own resource link, launched at
 * {@code url} with {@code custom}; {@code lineItemId} names its gradebook column, if any.
 */
public record CourseItem(String id, String courseId, String clientId, String resourceLinkId, String title, String text,
		String url, Map<String, String> custom, Long lineItemId) {

	public CourseItem {
		custom = Map.copyOf(custom);
	}

}
