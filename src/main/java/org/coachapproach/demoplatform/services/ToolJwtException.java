package org.coachapproach.demoplatform.services;

/** A JWT from the tool (client assertion, deep-linking response) refused, for a reason a tool developer can act on. */
public class ToolJwtException extends Exception {

	public ToolJwtException(String reason) {
		super(reason);
	}

}
