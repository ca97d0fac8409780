package org.coachapproach.demoplatform.launch;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.coachapproach.demoplatform.course.DemoCourse;
import org.coachapproach.demoplatform.course.DemoPerson;
import org.coachapproach.demoplatform.registration.ToolRegistration;

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

	/** Canvas's placement for choosing content to place as an assignment. */
	public static final String DEEP_LINKING_PLACEMENT = "assignment_selection";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	Launches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The course's own link to the tool, in its navigation. */
	public Launch prepare(DemoPerson person, DemoCourse course, ToolRegistration registration) {
		return store(new Launch(newHint(), person.id(), course.id(), course.resourceLinkId(), DemoCourse.PLACEMENT,
				registration.clientId(), Launch.RESOURCE_LINK, null));
	}

	/** A link placed in the course by deep linking. */
	public Launch prepareItem(DemoPerson person, CourseItem item, ToolRegistration registration) {
		return store(new Launch(newHint(), person.id(), item.courseId(), item.resourceLinkId(),
				DEEP_LINKING_PLACEMENT, registration.clientId(), Launch.RESOURCE_LINK, item.id()));
	}

	/** A deep-linking request: the instructor chooses content in the tool to place in the course. */
	public Launch prepareDeepLinking(DemoPerson person, DemoCourse course, ToolRegistration registration) {
		return store(new Launch(newHint(), person.id(), course.id(), "", DEEP_LINKING_PLACEMENT,
				registration.clientId(), Launch.DEEP_LINKING, null));
	}

	private Launch store(Launch launch) {
		Instant now = Instant.now();
		this.jdbc.sql("DELETE FROM demo_launch WHERE expires_at < ?").param(Timestamp.from(now)).update();
		this.jdbc.sql("""
				INSERT INTO demo_launch (message_hint, person_id, course_id, resource_link_id, placement, client_id,
				    message_type, item_id, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(launch.messageHint(), launch.personId(), launch.courseId(), launch.resourceLinkId(), launch.placement(),
					launch.clientId(), launch.messageType(), launch.itemId(), Timestamp.from(now),
					Timestamp.from(now.plus(LIFETIME)))
			.update();
		return launch;
	}

	/** The unexpired launch named by {@code messageHint}. */
	public Optional<Launch> find(String messageHint) {
		return this.jdbc.sql("""
				SELECT message_hint, person_id, course_id, resource_link_id, placement, client_id, message_type, item_id
				FROM demo_launch WHERE message_hint = ? AND expires_at > ?""")
			.params(messageHint, Timestamp.from(Instant.now()))
			.query(Launch.class)
			.optional();
	}

	private static String newHint() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
