package org.coachapproach.lti.registration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A deployment of a registration; a revoked one stays, so the platform cannot quietly add it back. */
@Entity
@Table(name = "lti_deployment")
class PlatformDeployment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "registration_id", nullable = false)
	private long registrationId;

	@Column(name = "deployment_id", nullable = false, columnDefinition = "varchar(255) collate utf8mb4_bin")
	private String deploymentId;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoked_by")
	private Long revokedBy;

	protected PlatformDeployment() {
	}

	/** @return whether it was live until now */
	boolean revoke(long by, Instant now) {
		if (this.revokedAt != null) {
			return false;
		}
		this.revokedAt = now;
		this.revokedBy = by;
		return true;
	}

	Registrations.Deployment toDeployment() {
		return new Registrations.Deployment(this.id, this.deploymentId, this.createdAt, this.revokedAt);
	}

	String deploymentId() {
		return this.deploymentId;
	}

}
