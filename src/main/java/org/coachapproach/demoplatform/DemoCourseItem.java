package org.coachapproach.demoplatform;

import java.util.Map;

/**
 * An item placed in the demo course by deep linking: its resource link id, what the tool set
 * (title, text, url, custom parameters) and, when it asked for one, the URL of its line item.
 */
public record DemoCourseItem(String id, String resourceLinkId, String title, String text, String url,
		Map<String, String> custom, String lineItemUrl) {
}
