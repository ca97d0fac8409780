package org.coachapproach.demoplatform.services;

/**
 * A service request refused, with the HTTP status to answer and a reason a tool developer can
 * act on; {@code wwwAuthenticate} is set for 401 and 403 (RFC 6750 §3).
 */
class ServiceRefusal extends RuntimeException {

	private final int status;

	private final String wwwAuthenticate;

	public ServiceRefusal(int status, String reason) {
		this(status, reason, null);
	}

	ServiceRefusal(int status, String reason, String wwwAuthenticate) {
		super(reason);
		this.status = status;
		this.wwwAuthenticate = wwwAuthenticate;
	}

	public int status() {
		return this.status;
	}

	public String wwwAuthenticate() {
		return this.wwwAuthenticate;
	}

}
