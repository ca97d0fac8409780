package org.coachapproach.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A program (tenant): one per platform registration (issuer and client id), made at the first
 * launch through it (in SQL, {@link ArrivalRecords}: concurrent first launches share one row).
 */
@Entity(name = "PeopleProgram")
@Table(name = "program")
class Program {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, columnDefinition = "varchar(255) collate utf8mb4_bin")
	private String issuer;

	@Column(name = "client_id", nullable = false, columnDefinition = "varchar(255) collate utf8mb4_bin")
	private String clientId;

	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Program() {
	}

	ProgramPlatform platform() {
		return new ProgramPlatform(this.issuer, this.clientId);
	}

}
