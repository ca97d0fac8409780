package org.coachapproach.demoplatform;

/** Whether the demo platform holds a registration for the tool it serves. */
public enum RegistrationState {

	/** No registration, and no attempt made yet. */
	NOT_REGISTERED,

	/** An attempt is under way. */
	REGISTERING,

	/** The tool is registered: it has a client id and a deployment id here. */
	REGISTERED,

	/** The last attempt failed (the tool did not answer, or refused); none is held. */
	FAILED

}
