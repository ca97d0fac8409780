package org.coachapproach.people;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

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

	/** The custom parameter the platform fills with the person's time zone (Canvas: {@code $Person.address.timezone}). */
	public static final String TIME_ZONE_PARAMETER = "user_time_zone";

	public LaunchContext {
		custom = custom == null ? Map.of() : Map.copyOf(custom);
	}

	/** The person's time zone as the platform sent it; empty when it sent none, an unfilled variable or no zone. */
	public Optional<ZoneId> timeZone() {
		String zone = this.custom.get(TIME_ZONE_PARAMETER);
		if (zone == null || zone.isBlank() || zone.startsWith("$")) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(zone.strip()));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
