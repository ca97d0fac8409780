package org.coachapproach.lti.registration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface PlatformRegistrations extends Repository<PlatformRegistration, Long> {

	PlatformRegistration save(PlatformRegistration registration);

	long count();

	Optional<PlatformRegistration> findByIssuerAndClientId(String issuer, String clientId);

	List<PlatformRegistration> findByIssuerAndRevokedAtIsNullOrderById(String issuer);

	Optional<PlatformRegistration> findByIdAndRevokedAtIsNull(long id);

	Optional<PlatformRegistration> findById(long id);

	List<PlatformRegistration> findByRevokedAtIsNull();

}
