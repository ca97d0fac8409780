package org.coachapproach.people;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Not allowed here: a request refused with the reason the person reads (a message key). 403
 * unless made otherwise: the thing asked for is not theirs to find (404), the request cannot be
 * done as sent (400), or it collides with what is already done (409). Handlers throw it; the
 * shell shows one error page per status, inside the layout, and an endpoint that answers data
 * (JSON, CSV) answers the bare status.
 */
public class RefusedException extends ResponseStatusException {

	/** Not allowed here (403), for the reason named by the message key. */
	public RefusedException(String reason) {
		this(HttpStatus.FORBIDDEN, reason);
	}

	private RefusedException(HttpStatus status, String reason) {
		super(status, reason);
	}

	/** Nothing of this is the person's to find (404). */
	public static RefusedException notFound(String reason) {
		return new RefusedException(HttpStatus.NOT_FOUND, reason);
	}

	/** The request cannot be done as it was sent (400). */
	public static RefusedException badRequest(String reason) {
		return new RefusedException(HttpStatus.BAD_REQUEST, reason);
	}

	/** The request collides with what is already done (409). */
	public static RefusedException conflict(String reason) {
		return new RefusedException(HttpStatus.CONFLICT, reason);
	}

	/** The reason's message key. */
	public String reason() {
		return getReason();
	}

}
