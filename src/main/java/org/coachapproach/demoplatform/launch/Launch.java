package org.coachapproach.demoplatform.launch;

/**
 * A launch a course page prepared: who launches, from where, to which registered client, with
 * which message ({@code LtiResourceLinkRequest} of the course's link or of a placed item, or
 * {@code LtiDeepLinkingRequest}). The tool carries {@code messageHint} back as
 * {@code lti_message_hint}.
 */
public record Launch(String messageHint, String personId, String courseId, String resourceLinkId, String placement,
		String clientId, String messageType, String itemId) {

	public static final String RESOURCE_LINK = "LtiResourceLinkRequest";

	public static final String DEEP_LINKING = "LtiDeepLinkingRequest";

	public boolean isDeepLinking() {
		return DEEP_LINKING.equals(this.messageType);
	}

}
