package org.coachapproach.lti.launch;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.coachapproach.lti.LtiProperties;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * OIDC login states and used nonces, in MariaDB so that any instance can finish a launch that
 * another began. A state is single-use and short-lived; a nonce is accepted once.
 */
@Component
class LoginStates {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration lifetime;

	LoginStates(JdbcClient jdbc, Clock clock, LtiProperties properties) {
		Duration lifetime = properties.lti().loginLifetime();
		this.jdbc = jdbc;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	LoginState begin(long registrationId, String loginHint, String messageHint, String targetLinkUri,
			String deploymentId, String storageTarget) {
		LoginState state = new LoginState(random(), random(), registrationId, loginHint, messageHint, targetLinkUri,
				deploymentId, storageTarget, null, this.clock.instant().plus(this.lifetime));
		this.jdbc.sql("""
				INSERT INTO lti_login_state (state, nonce, registration_id, login_hint, message_hint, target_link_uri,
				    deployment_id, storage_target, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(state.state(), state.nonce(), registrationId, loginHint, messageHint, targetLinkUri, deploymentId,
					storageTarget, Timestamp.from(state.expiresAt()))
			.update();
		return state;
	}

	/** The unexpired state; empty when unknown, already used or expired. */
	Optional<LoginState> find(String state) {
		if (state == null || state.length() != 43) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT * FROM lti_login_state WHERE state = ? AND expires_at > ?")
			.params(state, Timestamp.from(this.clock.instant()))
			.query((rs, row) -> new LoginState(rs.getString("state"), rs.getString("nonce"), rs.getLong("registration_id"),
					rs.getString("login_hint"), rs.getString("message_hint"), rs.getString("target_link_uri"),
					rs.getString("deployment_id"), rs.getString("storage_target"), rs.getString("pending_launch"),
					rs.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	/** Uses the state up; false when another request already did. */
	boolean consume(String state) {
		return this.jdbc.sql("DELETE FROM lti_login_state WHERE state = ?").param(state).update() == 1;
	}

	/** Parks a verified launch until the browser proves it holds the state (Platform Storage). */
	void park(String state, String pendingLaunch) {
		this.jdbc.sql("UPDATE lti_login_state SET pending_launch = ? WHERE state = ?").params(pendingLaunch, state).update();
	}

	/**
	 * Records a nonce as used; false when it already was. The primary key makes this the one
	 * decision between two requests racing with the same token.
	 */
	boolean recordNonce(String nonce, Instant keepUntil) {
		try {
			this.jdbc.sql("INSERT INTO lti_used_nonce (nonce, expires_at) VALUES (?, ?)")
				.params(nonce, Timestamp.from(keepUntil))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@SchedulerLock(name = "login-state-cleanup", lockAtMostFor = "PT4M", lockAtLeastFor = "PT1M")
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	void removeExpired() {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("DELETE FROM lti_login_state WHERE expires_at < ?").param(now).update();
		this.jdbc.sql("DELETE FROM lti_used_nonce WHERE expires_at < ?").param(now).update();
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * @param storageTarget the platform's storage frame named at login, when it offered one
	 */
	record LoginState(String state, String nonce, long registrationId, String loginHint, String messageHint,
			String targetLinkUri, String deploymentId, String storageTarget, String pendingLaunch, Instant expiresAt) {
	}

}
