package org.coachapproach.curriculum;

/** Someone who does not run the course tried to change its settings. */
public class SettingsRefusedException extends RuntimeException {

	public SettingsRefusedException() {
		super("only instructors and program staff change course settings");
	}

}
