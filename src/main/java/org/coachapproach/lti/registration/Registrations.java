package org.coachapproach.lti.registration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registered platforms and their deployments. */
@Service
public class Registrations {

	private static final Logger log = LoggerFactory.getLogger(Registrations.class);

	private static final RowMapper<Registration> ROW = (rs, row) -> new Registration(rs.getLong("id"),
			rs.getString("issuer"), rs.getString("client_id"), rs.getString("platform_name"),
			rs.getString("auth_endpoint"), rs.getString("token_endpoint"), rs.getString("jwks_url"),
			rs.getBoolean("allow_new_deployments"), origins(rs.getString("frame_origins")));

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Set<String> frameOriginsCache;

	/** Registrations by issuer, read on every launch: kept for {@link #CACHE_TTL}. */
	private final java.util.concurrent.ConcurrentHashMap<String, Cached> byIssuer = new java.util.concurrent.ConcurrentHashMap<>();

	/** Deployments seen, until when: kept briefly, so a revocation on another instance soon counts here. */
	private final java.util.concurrent.ConcurrentHashMap<String, java.time.Instant> knownDeployments = new java.util.concurrent.ConcurrentHashMap<>();

	private static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(30);

	private static final int MAX_CACHED_DEPLOYMENTS = 10_000;

	/** More platforms than any institution has: a bound on what an open registration URL accepts. */
	static final int MAX_REGISTRATIONS = 500;

	Registrations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
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
		Timestamp now = Timestamp.from(this.clock.instant());
		String origins = String.join(" ", new TreeSet<>(request.allFrameOrigins()));
		// Registering a revoked platform again is the operator's (or the secret holder's) decision: it is live again.
		int updated = this.jdbc.sql("""
				UPDATE lti_registration SET platform_name = ?, auth_endpoint = ?, token_endpoint = ?, jwks_url = ?,
				    allow_new_deployments = ?, frame_origins = ?, source = ?, updated_at = ?, revoked_at = NULL, revoked_by = NULL
				WHERE issuer = ? AND client_id = ?""")
			.params(request.platformName(), request.authEndpoint(), request.tokenEndpoint(), request.jwksUrl(),
					request.allowNewDeployments(), origins, request.source(), now, request.issuer(), request.clientId())
			.update();
		if (updated == 0) {
			if (count() >= MAX_REGISTRATIONS) {
				throw new InvalidRegistrationException(List.of("the tool already has " + MAX_REGISTRATIONS
						+ " platform registrations; remove unused ones before adding more"));
			}
			this.jdbc.sql("""
					INSERT INTO lti_registration (issuer, client_id, platform_name, auth_endpoint, token_endpoint, jwks_url,
					    allow_new_deployments, frame_origins, source, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(request.issuer(), request.clientId(), request.platformName(), request.authEndpoint(),
						request.tokenEndpoint(), request.jwksUrl(), request.allowNewDeployments(), origins,
						request.source(), now, now)
				.update();
		}
		this.byIssuer.remove(request.issuer());
		Registration registration = find(request.issuer(), request.clientId()).orElseThrow();
		request.deploymentIds().forEach(id -> addDeployment(registration, id));
		this.frameOriginsCache = null;
		this.byIssuer.remove(request.issuer());
		log.info("Registered platform {} client {} ({}), deployments {}", request.issuer(), request.clientId(),
				request.source(), request.deploymentIds());
		return registration;
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM lti_registration").query(Long.class).single();
	}

	public Optional<Registration> find(String issuer, String clientId) {
		return findByIssuer(issuer).stream().filter(r -> r.clientId().equals(clientId)).findFirst();
	}

	public List<Registration> findByIssuer(String issuer) {
		java.time.Instant now = this.clock.instant();
		Cached cached = this.byIssuer.get(issuer);
		if (cached != null && cached.until().isAfter(now)) {
			return cached.registrations();
		}
		List<Registration> found = this.jdbc.sql("SELECT * FROM lti_registration WHERE issuer = ? AND revoked_at IS NULL ORDER BY id")
			.param(issuer)
			.query(ROW)
			.list();
		if (!found.isEmpty()) {
			// Only known issuers are kept, so that forged ones cannot fill the cache.
			this.byIssuer.put(issuer, new Cached(List.copyOf(found), now.plus(CACHE_TTL)));
		}
		return found;
	}

	/** A live registration by id: a revoked one is gone for launches and service calls alike. */
	public Optional<Registration> findById(long id) {
		return this.jdbc.sql("SELECT * FROM lti_registration WHERE id = ? AND revoked_at IS NULL").param(id).query(ROW)
			.optional();
	}

	public boolean hasDeployment(Registration registration, String deploymentId) {
		String key = registration.id() + " " + deploymentId;
		java.time.Instant now = this.clock.instant();
		java.time.Instant until = this.knownDeployments.get(key);
		if (until != null && until.isAfter(now)) {
			return true;
		}
		boolean known = this.jdbc.sql("""
				SELECT COUNT(*) FROM lti_deployment WHERE registration_id = ? AND deployment_id = ? AND revoked_at IS NULL""")
			.params(registration.id(), deploymentId)
			.query(Integer.class)
			.single() > 0;
		if (known) {
			if (this.knownDeployments.size() >= MAX_CACHED_DEPLOYMENTS) {
				this.knownDeployments.clear();
			}
			this.knownDeployments.put(key, now.plus(CACHE_TTL));
		}
		return known;
	}

	/** A deployment of a registration as its administrators see it. */
	public record Deployment(long id, String deploymentId, java.time.Instant createdAt, java.time.Instant revokedAt) {
	}

	/** Every deployment of a registration, revoked ones included, in the order they came. */
	public List<Deployment> allDeployments(Registration registration) {
		return this.jdbc.sql("SELECT id, deployment_id, created_at, revoked_at FROM lti_deployment WHERE registration_id = ? ORDER BY id")
			.param(registration.id())
			.query((rs, row) -> new Deployment(rs.getLong("id"), rs.getString("deployment_id"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
			.list();
	}

	/**
	 * Revokes one deployment of the registration: its launches are refused from now on (on
	 * other instances within {@link #CACHE_TTL}), and a launch can no longer add it back.
	 * @return whether the registration had that deployment, not yet revoked
	 */
	@Transactional
	public boolean revokeDeployment(Registration registration, long deployment, long by) {
		int changed = this.jdbc.sql("""
				UPDATE lti_deployment SET revoked_at = ?, revoked_by = ?
				WHERE id = ? AND registration_id = ? AND revoked_at IS NULL""")
			.params(Timestamp.from(this.clock.instant()), by, deployment, registration.id())
			.update();
		this.knownDeployments.clear();
		if (changed > 0) {
			log.warn("Deployment {} of platform {} client {} revoked by person {}", deployment, registration.issuer(),
					registration.clientId(), by);
		}
		return changed > 0;
	}

	/**
	 * Revokes the registration: no login or launch through it is accepted from now on (on other
	 * instances within {@link #CACHE_TTL}). Registering the platform again (which needs the
	 * registration secret, or the operator's files) brings it back.
	 */
	@Transactional
	public void revoke(Registration registration, long by) {
		this.jdbc.sql("UPDATE lti_registration SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), by, registration.id())
			.update();
		this.byIssuer.remove(registration.issuer());
		this.knownDeployments.clear();
		this.frameOriginsCache = null;
		log.warn("Platform {} client {} revoked by person {}", registration.issuer(), registration.clientId(), by);
	}

	public List<String> deployments(Registration registration) {
		return this.jdbc.sql("SELECT deployment_id FROM lti_deployment WHERE registration_id = ? ORDER BY id")
			.param(registration.id())
			.query(String.class)
			.list();
	}

	/** Adds a deployment; adding one that exists changes nothing. */
	public void addDeployment(Registration registration, String deploymentId) {
		try {
			this.jdbc.sql("INSERT INTO lti_deployment (registration_id, deployment_id, created_at) VALUES (?, ?, ?)")
				.params(registration.id(), deploymentId, Timestamp.from(this.clock.instant()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// already known
		}
	}

	/** Every origin any registered platform may frame the tool from. */
	public Set<String> frameOrigins() {
		Set<String> cached = this.frameOriginsCache;
		if (cached == null) {
			cached = this.jdbc.sql("SELECT frame_origins FROM lti_registration WHERE revoked_at IS NULL")
				.query(String.class)
				.list()
				.stream()
				.flatMap(origins -> origins(origins).stream())
				.collect(Collectors.toCollection(TreeSet::new));
			cached = Collections.unmodifiableSet(cached);
			this.frameOriginsCache = cached;
		}
		return cached;
	}

	/** Forgets the cached origins, so registrations made by other instances are seen. */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1M")
	void refreshFrameOrigins() {
		this.frameOriginsCache = null;
	}

	private record Cached(List<Registration> registrations, java.time.Instant until) {
	}

	private static Set<String> origins(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(text.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
	}


}
