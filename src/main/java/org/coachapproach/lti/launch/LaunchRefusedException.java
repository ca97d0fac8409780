package org.coachapproach.lti.launch;

import org.springframework.http.HttpStatus;

/**
 * A login or launch the tool will not accept. {@code reason} names a message
 * ({@code lti.refused.<reason>}) shown to the person; {@code detail} goes to the log only.
 */
class LaunchRefusedException extends RuntimeException {

	private final HttpStatus status;

	private final String reason;

	LaunchRefusedException(HttpStatus status, String reason, String detail) {
		super(reason + ": " + detail);
		this.status = status;
		this.reason = reason;
	}

	HttpStatus status() {
		return this.status;
	}

	String reason() {
		return this.reason;
	}

	static LaunchRefusedException badRequest(String reason, String detail) {
		return new LaunchRefusedException(HttpStatus.BAD_REQUEST, reason, detail);
	}

	static LaunchRefusedException unauthorized(String reason, String detail) {
		return new LaunchRefusedException(HttpStatus.UNAUTHORIZED, reason, detail);
	}

	static LaunchRefusedException forbidden(String reason, String detail) {
		return new LaunchRefusedException(HttpStatus.FORBIDDEN, reason, detail);
	}

}
