package org.coachapproach.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person as a platform knows them (issuer and subject, compared exactly). Written by the
 * launch and the roster sync in SQL ({@link ArrivalRecords}, {@link RosterRecords}); mapped so
 * that the schema is validated against it.
 */
@Entity(name = "PeoplePerson")
@Table(name = "person")
class Person {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, columnDefinition = "varchar(255) collate utf8mb4_bin")
	private String issuer;

	@Column(nullable = false, columnDefinition = "varchar(255) collate utf8mb4_bin")
	private String subject;

	@Column(name = "display_name")
	private String displayName;

	@Column(length = 320)
	private String email;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_seen_at", nullable = false)
	private Instant lastSeenAt;

	protected Person() {
	}

	Long id() {
		return this.id;
	}

	String displayName() {
		return this.displayName;
	}

}
