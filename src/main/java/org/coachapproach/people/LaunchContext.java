package org.coachapproach.people;

import java.util.Map;

/**
 * Where and how the person arrived, in the tool's own terms (no platform protocol details).
 *
 * @param placement where the platform shows the tool (e.g. course navigation)
 * @param target the item the launch asked for, or {@code null} for the home page
 * @param returnUrl where the platform wants the person sent back, or {@code null}
 * @param custom placement parameters the instructor or platform set
 */
public record LaunchContext(String platformName, String placement, String target, String resourceTitle,
		String returnUrl, String locale, Map<String, String> custom) {

	public LaunchContext {
		custom = custom == null ? Map.of() : Map.copyOf(custom);
	}

}
