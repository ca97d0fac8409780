package org.coachapproach.lti.services;

import org.coachapproach.people.CourseId;

/** The course's roster should be read from the platform (first launch by someone who runs it). */
record RosterSyncRequested(CourseId course) {
}
