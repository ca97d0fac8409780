package org.coachapproach.people;

/** What a person may do in a course, from the platform's roles. */
public enum CourseRole {

	LEARNER, INSTRUCTOR, CONTENT_DEVELOPER, TEACHING_ASSISTANT, ADMINISTRATOR

}
