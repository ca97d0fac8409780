package org.coachapproach.people;

import java.time.Instant;

/** A signed-in session: who, in which course, arriving how, until when. */
public record AccessSession(Member member, LaunchContext context, Instant expiresAt) {
}
