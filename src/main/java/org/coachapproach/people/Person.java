package org.coachapproach.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Someone who arrived from a platform: identified by the platform's issuer and subject. */
@Entity
public class Person {

	private static final java.time.Duration LAST_SEEN_STEP = java.time.Duration.ofMinutes(5);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String issuer;

	@Column(nullable = false)
	private String subject;

	private String displayName;

	private String email;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant lastSeenAt;

	protected Person() {
	}

	public Person(String issuer, String subject, Instant now) {
		this.issuer = issuer;
		this.subject = subject;
		this.createdAt = now;
		this.lastSeenAt = now;
	}

	public PersonId id() {
		return new PersonId(this.id);
	}

	public String issuer() {
		return this.issuer;
	}

	public String subject() {
		return this.subject;
	}

	public String displayName() {
		return this.displayName;
	}

	public String email() {
		return this.email;
	}

	/**
	 * Updates what the platform shares about this person (it may share nothing). The last-seen
	 * time moves in steps of a few minutes, so that a returning person costs no write.
	 */
	public void seen(String displayName, String email, Instant now) {
		if (displayName != null && !displayName.equals(this.displayName)) {
			this.displayName = displayName;
		}
		if (email != null && !email.equals(this.email)) {
			this.email = email;
		}
		if (this.lastSeenAt.isBefore(now.minus(LAST_SEEN_STEP))) {
			this.lastSeenAt = now;
		}
	}

	public Instant lastSeenAt() {
		return this.lastSeenAt;
	}

}
