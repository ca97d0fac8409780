package org.coachapproach.curriculum;

/** One curriculum item, by kind and id (a session, exercise or CFDS recording id). */
public record ItemRef(ItemKind kind, String id) {

	public static ItemRef session(String id) {
		return new ItemRef(ItemKind.SESSION, id);
	}

	public static ItemRef exercise(String id) {
		return new ItemRef(ItemKind.EXERCISE, id);
	}

}
