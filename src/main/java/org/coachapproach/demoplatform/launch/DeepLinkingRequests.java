package org.coachapproach.demoplatform.launch;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deep-linking requests sent to the tool, each named by the random {@code data} value the
 * tool must echo in its response (LTI Deep Linking 2.0 §4.4.1), which ties the response to the
 * request: its tool, its course and the instructor who asked.
 */
@Component("demoDeepLinkingRequests")
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
class DeepLinkingRequests {

	/** Time to choose content in the tool. */
	static final Duration LIFETIME = Duration.ofHours(2);

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	DeepLinkingRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A request sent: by whom, to which client, for which course. */
	public record DeepLinkingRequest(String data, String clientId, String personId, String courseId) {
	}

	DeepLinkingRequest open(String clientId, String personId, String courseId) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		DeepLinkingRequest request = new DeepLinkingRequest(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
				clientId, personId, courseId);
		Instant now = Instant.now();
		this.jdbc.sql("DELETE FROM demo_deep_link_request WHERE expires_at < ?").param(Timestamp.from(now)).update();
		this.jdbc.sql("""
				INSERT INTO demo_deep_link_request (data, client_id, person_id, course_id, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(request.data(), clientId, personId, courseId, Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
			.update();
		return request;
	}

	/** The unexpired request named by {@code data}. */
	public Optional<DeepLinkingRequest> find(String data) {
		return this.jdbc.sql("""
				SELECT data, client_id, person_id, course_id FROM demo_deep_link_request
				WHERE data = ? AND expires_at > ?""")
			.params(data, Timestamp.from(Instant.now()))
			.query(DeepLinkingRequest.class)
			.optional();
	}

}
