package org.coachapproach.demoplatform.registration;

/**
 * A registration request the platform refuses, with the OAuth 2.0 Dynamic Client Registration
 * error code (RFC 7591 §3.2.2) and a reason a tool developer can act on.
 */
class InvalidToolConfigurationException extends Exception {

	private final String error;

	InvalidToolConfigurationException(String error, String reason) {
		super(reason);
		this.error = error;
	}

	static InvalidToolConfigurationException metadata(String reason) {
		return new InvalidToolConfigurationException("invalid_client_metadata", reason);
	}

	static InvalidToolConfigurationException redirectUri(String reason) {
		return new InvalidToolConfigurationException("invalid_redirect_uri", reason);
	}

	/** {@code invalid_client_metadata} or {@code invalid_redirect_uri}. */
	public String error() {
		return this.error;
	}

}
