package org.coachapproach.matching.engine;

/**
 * What a person asks of the other's answer to one criterion: the same, different, or no
 * preference; and whether it is a requirement (a hard constraint) or a wish (scored).
 */
public record Preference(Direction direction, boolean required) {

	public static final Preference NONE = new Preference(Direction.NONE, false);

	public Preference {
		if (direction == Direction.NONE && required) {
			throw new IllegalArgumentException("'no preference' cannot be a requirement");
		}
	}

	public static Preference wish(Direction direction) {
		return new Preference(direction, false);
	}

	public static Preference requirement(Direction direction) {
		return new Preference(direction, true);
	}

	public boolean stated() {
		return this.direction != Direction.NONE;
	}

	public enum Direction {

		SAME, DIFFERENT, NONE

	}

}
