package org.coachapproach.demoplatform;

/** A column of the demo gradebook, as the assignment and grade services show it; {@code url} is its id. */
public record DemoLineItem(String url, String label, double scoreMaximum, String resourceId, String tag,
		String resourceLinkId) {
}
