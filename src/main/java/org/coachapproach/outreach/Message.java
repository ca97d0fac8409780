package org.coachapproach.outreach;

/** A rendered email: subject, plain-text part and HTML part. */
public record Message(String subject, String text, String html) {

	public Message {
		if (subject == null || subject.isBlank() || text == null || html == null) {
			throw new IllegalArgumentException("a message needs a subject, a text part and an HTML part");
		}
	}

}
