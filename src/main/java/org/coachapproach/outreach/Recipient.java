package org.coachapproach.outreach;

import java.util.Locale;

import org.coachapproach.people.PersonId;

/**
 * Who a message goes to. People from the imported faculty list need not have used the tool,
 * so the address is what identifies a recipient (compared in lower case).
 *
 * @param person the person in the tool, or {@code null} for a faculty-list entry only
 */
public record Recipient(String email, String name, PersonId person) {

	public Recipient {
		if (email == null || email.isBlank()) {
			throw new IllegalArgumentException("a recipient needs an email address");
		}
		email = email.strip();
	}

	/** The address as compared and stored: lower case. */
	public String address() {
		return this.email.toLowerCase(Locale.ROOT);
	}

}
