package org.coachapproach.lti.placement;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.coachapproach.people.PersonId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open deep-linking requests, in MariaDB: any instance can answer, each one only once. */
@Repository
public class DeepLinkingRequests {

	/** Time an instructor has to choose; Canvas's own dialog stays open about as long. */
	static final Duration LIFETIME = Duration.ofHours(2);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	DeepLinkingRequests(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Keeps a verified request; returns its unguessable id. */
	public String open(long registrationId, String deploymentId, PersonId person, String returnUrl, String data,
			boolean acceptMultiple, boolean acceptLineItem, String title) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				INSERT INTO lti_deep_linking (id, registration_id, deployment_id, person_id, return_url, data,
				    accept_multiple, accept_line_item, title, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, registrationId, deploymentId, person.value(), returnUrl, data, acceptMultiple, acceptLineItem,
					title == null || title.length() <= 255 ? title : title.substring(0, 255),
					Timestamp.from(this.clock.instant().plus(LIFETIME)))
			.update();
		return id;
	}

	public Optional<DeepLinkingRequest> find(String id) {
		if (id == null || id.length() != 43) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT * FROM lti_deep_linking WHERE id = ?")
			.param(id)
			.query((rs, row) -> new DeepLinkingRequest(rs.getString("id"), rs.getLong("registration_id"),
					rs.getString("deployment_id"), new PersonId(rs.getLong("person_id")), rs.getString("return_url"),
					rs.getString("data"), rs.getBoolean("accept_multiple"), rs.getBoolean("accept_line_item"),
					rs.getString("title"), rs.getTimestamp("expires_at").toInstant(),
					Optional.ofNullable(rs.getTimestamp("answered_at")).map(Timestamp::toInstant).orElse(null)))
			.optional();
	}

	/** Marks the request answered; false when another answer won (double submit, second tab). */
	public boolean answer(String id) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("UPDATE lti_deep_linking SET answered_at = ? WHERE id = ? AND answered_at IS NULL AND expires_at > ?")
			.params(Timestamp.from(now), id, Timestamp.from(now))
			.update() == 1;
	}

	/** Drops requests long past their expiry. */
	@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "deep-linking-cleanup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5M")
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	public int purge() {
		return this.jdbc.sql("DELETE FROM lti_deep_linking WHERE expires_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(Duration.ofDays(1))))
			.update();
	}

}
