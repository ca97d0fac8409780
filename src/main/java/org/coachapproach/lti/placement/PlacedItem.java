package org.coachapproach.lti.placement;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a placed link opens, as written into its custom parameter {@value #CUSTOM_PARAMETER}:
 * {@code session:3}, {@code exercise:ex-listening-triad}, {@code competency:active-listening},
 * {@code recording:2022-09-07-...}, {@code survey:mentor-competency:pre}, {@code intake},
 * {@code meetings}. The key stays readable in Canvas's assignment settings.
 */
public record PlacedItem(Kind kind, String id) {

	public static final String CUSTOM_PARAMETER = "coachapproach_item";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,120}(:[A-Za-z0-9._-]{1,40})?");

	public enum Kind {

		SESSION, EXERCISE, COMPETENCY, RECORDING, SURVEY, INTAKE, MEETINGS;

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		/** Kinds that stand alone, without an id. */
		boolean single() {
			return this == INTAKE || this == MEETINGS;
		}

	}

	public PlacedItem {
		if (kind.single() != (id == null)) {
			throw new IllegalArgumentException(kind + (id == null ? " needs an id" : " takes no id"));
		}
	}

	public static PlacedItem session(int number) {
		return new PlacedItem(Kind.SESSION, Integer.toString(number));
	}

	public static PlacedItem of(Kind kind, String id) {
		return new PlacedItem(kind, id);
	}

	/** The key written into links and line items. */
	public String key() {
		return this.id == null ? this.kind.label() : this.kind.label() + ":" + this.id;
	}

	/** The item a key names, if it is well formed; whether it still exists is the catalog's question. */
	public static Optional<PlacedItem> parse(String key) {
		if (key == null || key.length() > 200) {
			return Optional.empty();
		}
		String trimmed = key.trim();
		int colon = trimmed.indexOf(':');
		String kindLabel = colon < 0 ? trimmed : trimmed.substring(0, colon);
		for (Kind kind : Kind.values()) {
			if (kind.label().equals(kindLabel)) {
				if (kind.single()) {
					return colon < 0 ? Optional.of(new PlacedItem(kind, null)) : Optional.empty();
				}
				String id = colon < 0 ? "" : trimmed.substring(colon + 1);
				boolean wellFormed = kind == Kind.SURVEY ? ID.matcher(id).matches() : ID.matcher(id).matches() && !id.contains(":");
				return wellFormed ? Optional.of(new PlacedItem(kind, id)) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return key();
	}

}
