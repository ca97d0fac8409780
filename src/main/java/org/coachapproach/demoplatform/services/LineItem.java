package org.coachapproach.demoplatform.services;

import org.coachapproach.demoplatform.course.DemoSites;

/** A gradebook column (AGS 2.0 §3.2): its fields as a tool set them. */
public record LineItem(long id, String courseId, String clientId, String label, double scoreMaximum, String resourceId,
		String tag, String resourceLinkId) {

	/** Its URL, which is also its id in the service (AGS 2.0 §3.2.1). */
	public String url(DemoSites sites) {
		return sites.platform("/demo/api/courses/" + this.courseId + "/line_items/" + this.id);
	}

}
