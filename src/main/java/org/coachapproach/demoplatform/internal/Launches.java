package org.coachapproach.demoplatform.internal;

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
 * Launches prepared by course pages, each named by a random, opaque message hint. Kept in the
 * database (not in memory) so that any instance can answer the authorization request.
 */
@Component
@ConditionalOnBooleanProperty("coachapproach.demo.enabled")
public class Launches {

	/** Long enough to sit on a course page a while and still reload the tool from it. */
	static final Duration LIFETIME = Duration.ofHours(8);

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	Launches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Launch prepare(DemoPerson person, DemoCourse course, ToolRegistration registration) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		Launch launch = new Launch(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), person.id(), course.id(),
				course.resourceLinkId(), DemoCourse.PLACEMENT, registration.clientId());
		Instant now = Instant.now();
		this.jdbc.sql("DELETE FROM demo_launch WHERE expires_at < ?").param(Timestamp.from(now)).update();
		this.jdbc.sql("""
				INSERT INTO demo_launch (message_hint, person_id, course_id, resource_link_id, placement, client_id,
				    created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(launch.messageHint(), launch.personId(), launch.courseId(), launch.resourceLinkId(), launch.placement(),
					launch.clientId(), Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
			.update();
		return launch;
	}

	/** The unexpired launch named by {@code messageHint}. */
	public Optional<Launch> find(String messageHint) {
		return this.jdbc.sql("""
				SELECT message_hint, person_id, course_id, resource_link_id, placement, client_id
				FROM demo_launch WHERE message_hint = ? AND expires_at > ?""")
			.params(messageHint, Timestamp.from(Instant.now()))
			.query(Launch.class)
			.optional();
	}

}
