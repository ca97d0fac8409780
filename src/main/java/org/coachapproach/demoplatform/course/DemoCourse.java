package org.coachapproach.demoplatform.course;

/**
 * The demo course (the LTI context) and the one link to the tool it holds, in its course
 * navigation as Canvas would place it.
 */
public record DemoCourse(String id, String contextId, String label, String title, String resourceLinkId) {

	public static final String COURSE_OFFERING = "http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering";

	/** The Canvas placement of the course's link to the tool. */
	public static final String PLACEMENT = "course_navigation";

}
