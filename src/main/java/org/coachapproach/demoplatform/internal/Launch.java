package org.coachapproach.demoplatform.internal;

/**
 * A launch a course page prepared: who launches, from where, to which registered client.
 * The tool carries {@code messageHint} back as {@code lti_message_hint}.
 */
public record Launch(String messageHint, String personId, String courseId, String resourceLinkId, String placement,
		String clientId) {
}
