package org.coachapproach.lti.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Registered platforms and their deployments. */
@Service
public class Registrations {

	private static final Logger log = LoggerFactory.getLogger(Registrations.class);

	private final PlatformRegistrations registrations;

	private final PlatformDeployments deployments;

	private final Clock clock;

	private volatile Set<String> frameOriginsCache;

	/** Registrations by issuer, read on every launch: kept for {@link #CACHE_TTL}. */
	private final ConcurrentHashMap<String, Cached> byIssuer = new ConcurrentHashMap<>();

	/** Deployments seen, until when: kept briefly, so a revocation on another instance soon counts here. */
	private final ConcurrentHashMap<String, Instant> knownDeployments = new ConcurrentHashMap<>();

	private static final Duration CACHE_TTL = Duration.ofSeconds(30);

	private static final int MAX_CACHED_DEPLOYMENTS = 10_000;

	/** More platforms than any institution has: a bound on what an open registration URL accepts. */
	static final int MAX_REGISTRATIONS = 500;

	Registrations(PlatformRegistrations registrations, PlatformDeployments deployments, Clock clock) {
		this.registrations = registrations;
		this.deployments = deployments;
		this.clock = clock;
	}

	/**
	 * Creates or updates a registration and adds its deployments.
	 * @throws InvalidRegistrationException naming every problem; nothing is stored then
	 */
	@Transactional
	public Registration register(RegistrationRequest request) {
		List<String> problems = request.problems();
		if (!problems.isEmpty()) {
			throw new InvalidRegistrationException(problems);
		}
		Instant now = this.clock.instant();
		// Registering a revoked platform again is the operator's (or the secret holder's) decision: it is live again.
		PlatformRegistration stored = this.registrations.findByIssuerAndClientId(request.issuer(), request.clientId())
			.map(existing -> {
				existing.update(request, now);
				return existing;
			})
			.orElseGet(() -> {
				if (this.registrations.count() >= MAX_REGISTRATIONS) {
					throw new InvalidRegistrationException(List.of("the tool already has " + MAX_REGISTRATIONS
							+ " platform registrations; remove unused ones before adding more"));
				}
				return this.registrations.save(new PlatformRegistration(request, now));
			});
		Registration registration = stored.toRegistration();
		request.deploymentIds().forEach(id -> this.deployments.add(registration.id(), id, now));
		forgetIssuer(request.issuer());
		log.info("Registered platform {} client {} ({}), deployments {}", request.issuer(), request.clientId(),
				request.source(), request.deploymentIds());
		return registration;
	}

	/**
	 * Drops the cached registrations of {@code issuer} now and again after commit: a launch
	 * between the two reads what was committed before and would keep it for {@link #CACHE_TTL}.
	 */
	private void forgetIssuer(String issuer) {
		this.frameOriginsCache = null;
		this.byIssuer.remove(issuer);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Registrations.this.frameOriginsCache = null;
					Registrations.this.byIssuer.remove(issuer);
				}
			});
		}
	}

	public long count() {
		return this.registrations.count();
	}

	public Optional<Registration> find(String issuer, String clientId) {
		return findByIssuer(issuer).stream().filter(r -> r.clientId().equals(clientId)).findFirst();
	}

	/** No transaction of its own: every login and launch asks, and the cache answers nearly all of them. */
	public List<Registration> findByIssuer(String issuer) {
		Instant now = this.clock.instant();
		Cached cached = this.byIssuer.get(issuer);
		if (cached != null && cached.until().isAfter(now)) {
			return cached.registrations();
		}
		List<Registration> found = this.registrations.findByIssuerAndRevokedAtIsNullOrderById(issuer)
			.stream()
			.map(PlatformRegistration::toRegistration)
			.toList();
		if (!found.isEmpty()) {
			// Only known issuers are kept, so that forged ones cannot fill the cache.
			this.byIssuer.put(issuer, new Cached(found, now.plus(CACHE_TTL)));
		}
		return found;
	}

	/** A live registration by id: a revoked one is gone for launches and service calls alike. */
	public Optional<Registration> findById(long id) {
		return this.registrations.findByIdAndRevokedAtIsNull(id).map(PlatformRegistration::toRegistration);
	}

	public boolean hasDeployment(Registration registration, String deploymentId) {
		String key = registration.id() + " " + deploymentId;
		Instant now = this.clock.instant();
		Instant until = this.knownDeployments.get(key);
		if (until != null && until.isAfter(now)) {
			return true;
		}
		boolean known = this.deployments.existsByRegistrationIdAndDeploymentIdAndRevokedAtIsNull(registration.id(),
				deploymentId);
		if (known) {
			if (this.knownDeployments.size() >= MAX_CACHED_DEPLOYMENTS) {
				this.knownDeployments.clear();
			}
			this.knownDeployments.put(key, now.plus(CACHE_TTL));
		}
		return known;
	}

	/** A deployment of a registration as its administrators see it. */
	public record Deployment(long id, String deploymentId, Instant createdAt, Instant revokedAt) {
	}

	/** Every deployment of a registration, revoked ones included, in the order they came. */
	public List<Deployment> allDeployments(Registration registration) {
		return this.deployments.findByRegistrationIdOrderById(registration.id())
			.stream()
			.map(PlatformDeployment::toDeployment)
			.toList();
	}

	/**
	 * Revokes one deployment of the registration: its launches are refused from now on (on
	 * other instances within {@link #CACHE_TTL}), and a launch can no longer add it back.
	 * @return whether the registration had that deployment, not yet revoked
	 */
	@Transactional
	public boolean revokeDeployment(Registration registration, long deployment, long by) {
		boolean changed = this.deployments.findByIdAndRegistrationId(deployment, registration.id())
			.map(found -> found.revoke(by, this.clock.instant()))
			.orElse(false);
		this.knownDeployments.clear();
		if (changed) {
			log.warn("Deployment {} of platform {} client {} revoked by person {}", deployment, registration.issuer(),
					registration.clientId(), by);
		}
		return changed;
	}

	/**
	 * Revokes the registration: no login or launch through it is accepted from now on (on other
	 * instances within {@link #CACHE_TTL}). Registering the platform again (which needs the
	 * registration secret, or the operator's files) brings it back.
	 */
	@Transactional
	public void revoke(Registration registration, long by) {
		Instant now = this.clock.instant();
		this.registrations.findById(registration.id()).ifPresent(found -> found.revoke(by, now));
		forgetIssuer(registration.issuer());
		this.knownDeployments.clear();
		log.warn("Platform {} client {} revoked by person {}", registration.issuer(), registration.clientId(), by);
	}

	public List<String> deployments(Registration registration) {
		return this.deployments.findByRegistrationIdOrderById(registration.id())
			.stream()
			.map(PlatformDeployment::deploymentId)
			.toList();
	}

	/** Adds a deployment; adding one that exists changes nothing. */
	public void addDeployment(Registration registration, String deploymentId) {
		this.deployments.add(registration.id(), deploymentId, this.clock.instant());
	}

	/** Every origin any registered platform may frame the tool from. */
	public Set<String> frameOrigins() {
		Set<String> cached = this.frameOriginsCache;
		if (cached == null) {
			TreeSet<String> origins = this.registrations.findByRevokedAtIsNull()
				.stream()
				.flatMap(registration -> registration.frameOrigins().stream())
				.collect(Collectors.toCollection(TreeSet::new));
			cached = Collections.unmodifiableSet(origins);
			this.frameOriginsCache = cached;
		}
		return cached;
	}

	/** Forgets the cached origins, so registrations made by other instances are seen. */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1M")
	void refreshFrameOrigins() {
		this.frameOriginsCache = null;
	}

	private record Cached(List<Registration> registrations, Instant until) {
	}

}
