package org.coachapproach.people;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Not allowed here: a request refused with the reason the person reads, a message key (with
 * its arguments). 403 unless made otherwise: the thing asked for is not theirs to find (404),
 * the request cannot be done as sent (400), or it collides with what is already done (409).
 * Handlers throw it; the shell shows one error page per status, inside the layout, and an
 * endpoint that answers data (JSON, CSV) answers the bare status.
 */
public class RefusedException extends ResponseStatusException {

	private final transient Object[] arguments;

	/** Not allowed here (403), for the reason named by the message key. */
	public RefusedException(String reason, Object... arguments) {
		this(HttpStatus.FORBIDDEN, reason, arguments);
	}

	private RefusedException(HttpStatus status, String reason, Object[] arguments) {
		super(status, reason);
		this.arguments = arguments.clone();
	}

	/** Nothing of this is the person's to find (404). */
	public static RefusedException notFound(String reason, Object... arguments) {
		return new RefusedException(HttpStatus.NOT_FOUND, reason, arguments);
	}

	/** The request cannot be done as it was sent (400). */
	public static RefusedException badRequest(String reason, Object... arguments) {
		return new RefusedException(HttpStatus.BAD_REQUEST, reason, arguments);
	}

	/** The request collides with what is already done (409). */
	public static RefusedException conflict(String reason, Object... arguments) {
		return new RefusedException(HttpStatus.CONFLICT, reason, arguments);
	}

	/** The reason's message key ({@link #getReason()}). */
	public String reason() {
		return getReason();
	}

	/** The arguments of the reason's message. */
	public Object[] arguments() {
		return this.arguments.clone();
	}

}
