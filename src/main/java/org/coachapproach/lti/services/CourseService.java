package org.coachapproach.lti.services;

import java.time.Instant;
import java.util.Set;

import org.coachapproach.people.CourseId;

/**
 * What a course's platform offers the tool, as its latest launch said: the line items
 * container (AGS) with the scopes granted there, and the memberships URL (NRPS).
 */
public record CourseService(CourseId course, long registrationId, String deploymentId, String lineItemsUrl,
		Set<String> agsScopes, String membershipsUrl, Instant rosterSyncedAt, Integer rosterMembers,
		String rosterError) {

	public static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

	public static final String LINE_ITEM_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";

	public static final String LINE_ITEM_READ_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";

	public static final String ROSTER_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

	public CourseService {
		agsScopes = Set.copyOf(agsScopes);
	}

	/** Whether scores can go to this course's gradebook. */
	public boolean acceptsScores() {
		return this.lineItemsUrl != null && this.agsScopes.contains(SCORE_SCOPE);
	}

	public boolean hasRoster() {
		return this.membershipsUrl != null;
	}

}
