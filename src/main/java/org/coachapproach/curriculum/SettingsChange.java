package org.coachapproach.curriculum;

import java.time.Instant;

import org.coachapproach.people.PersonId;

/**
 * One audited change of one field of a course's settings.
 *
 * @param item the item changed; {@code null} for a course-wide field
 * @param field {@code visible}, {@code required}, {@code release_at}, {@code due_at} or {@code meet_mentees_from}
 */
public record SettingsChange(Instant changedAt, PersonId who, String whoName, ItemRef item, String field,
		String oldValue, String newValue) {
}
