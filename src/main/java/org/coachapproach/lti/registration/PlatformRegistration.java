package org.coachapproach.lti.registration;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A platform registration as stored: a revoked one stays (with who and when) until registered again. */
@Entity
@Table(name = "lti_registration")
class PlatformRegistration {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, columnDefinition = "varchar(255) collate utf8mb4_bin")
	private String issuer;

	@Column(name = "client_id", nullable = false, columnDefinition = "varchar(255) collate utf8mb4_bin")
	private String clientId;

	@Column(name = "platform_name")
	private String platformName;

	@Column(name = "auth_endpoint", nullable = false, length = 1000)
	private String authEndpoint;

	@Column(name = "token_endpoint", length = 1000)
	private String tokenEndpoint;

	@Column(name = "jwks_url", nullable = false, length = 1000)
	private String jwksUrl;

	@Column(name = "allow_new_deployments", nullable = false)
	private boolean allowNewDeployments;

	/** Space-separated origins, sorted. */
	@Column(name = "frame_origins", nullable = false, length = 2000)
	private String frameOrigins;

	@Column(nullable = false, length = 32)
	private String source;

	/** Space-separated, sorted; null when not known (the platform was not asked). */
	@Column(name = "granted_scopes", length = 2000)
	private String grantedScopes;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	@Column(name = "revoked_by")
	private Long revokedBy;

	protected PlatformRegistration() {
	}

	PlatformRegistration(RegistrationRequest request, Instant now) {
		this.issuer = request.issuer();
		this.clientId = request.clientId();
		this.createdAt = now;
		update(request, now);
	}

	/** Takes the request's details; registering a revoked platform again makes it live again. */
	void update(RegistrationRequest request, Instant now) {
		this.platformName = request.platformName();
		this.authEndpoint = request.authEndpoint();
		this.tokenEndpoint = request.tokenEndpoint();
		this.jwksUrl = request.jwksUrl();
		this.allowNewDeployments = request.allowNewDeployments();
		this.frameOrigins = String.join(" ", new TreeSet<>(request.allFrameOrigins()));
		this.source = request.source();
		this.grantedScopes = request.grantedScopes() == null ? null
				: String.join(" ", new TreeSet<>(request.grantedScopes()));
		this.updatedAt = now;
		this.revokedAt = null;
		this.revokedBy = null;
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

	Registration toRegistration() {
		return new Registration(this.id, this.issuer, this.clientId, this.platformName, this.authEndpoint,
				this.tokenEndpoint, this.jwksUrl, this.allowNewDeployments, origins(this.frameOrigins),
				this.grantedScopes == null ? null : origins(this.grantedScopes));
	}

	Set<String> frameOrigins() {
		return origins(this.frameOrigins);
	}

	private static Set<String> origins(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
	}

}
