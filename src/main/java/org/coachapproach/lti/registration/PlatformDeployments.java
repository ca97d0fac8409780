package org.coachapproach.lti.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

interface PlatformDeployments extends Repository<PlatformDeployment, Long> {

	boolean existsByRegistrationIdAndDeploymentIdAndRevokedAtIsNull(long registrationId, String deploymentId);

	List<PlatformDeployment> findByRegistrationIdOrderById(long registrationId);

	Optional<PlatformDeployment> findByIdAndRegistrationId(long id, long registrationId);

	/**
	 * Adds a deployment unless it exists (revoked or not), in one statement: launches through a
	 * new deployment can arrive at once, and a revoked one must not come back.
	 */
	@Transactional
	@Modifying
	@Query(nativeQuery = true, value = """
			INSERT INTO lti_deployment (registration_id, deployment_id, created_at) VALUES (:registration, :deployment, :at)
			ON DUPLICATE KEY UPDATE id = id""")
	void add(long registration, String deployment, Instant at);

}
