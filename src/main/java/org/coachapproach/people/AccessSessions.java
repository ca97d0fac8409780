package org.coachapproach.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Signed-in sessions, kept in MariaDB. The bearer token is handed to the browser (cookie, or
 * URL where the platform's iframe blocks cookies); only its SHA-256 is stored.
 */
@Service
public class AccessSessions {

	/** The session cookie (SameSite=None; Secure, for the platform's iframe). */
	public static final String COOKIE = "__Host-ca_session";

	/** The request attribute under which every signed-in request carries its {@link AccessSession}. */
	public static final String REQUEST_ATTRIBUTE = "coachapproach.session";

	/** The request parameter carrying the token where the iframe blocks cookies. */
	public static final String PARAMETER = "s";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration lifetime;

	AccessSessions(JdbcClient jdbc, Clock clock,
			@Value("${coachapproach.session.lifetime:PT8H}") Duration lifetime) {
		this.jdbc = jdbc;
		this.json = JsonMapper.builder().build();
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/** Starts a session and returns its bearer token. */
	public String start(Member member, LaunchContext context) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO access_session (token_hash, person_id, course_id, course_roles, program_role, context_json,
				    created_at, expires_at, program_id, institution_administrator)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(hash(token), member.person().value(), member.course() == null ? null : member.course().value(),
					People.names(member.courseRoles()),
					member.programRole() == null ? null : member.programRole().name(),
					this.json.writeValueAsString(new StoredContext(member.displayName(), member.courseTitle(), context)),
					Timestamp.from(now), Timestamp.from(now.plus(this.lifetime)),
					// Program: the launch's registration; its institution role as the launch said.
					member.program().value(), member.institutionAdministrator())
			.update();
		return token;
	}

	/** The live session for a token; empty when unknown, malformed or expired. */
	public Optional<AccessSession> find(String token) {
		if (token == null || token.length() != 43) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT person_id, course_id, course_roles, program_role, context_json, expires_at,
				    program_id, institution_administrator,
				    EXISTS (SELECT 1 FROM program_staff_grant g
				            WHERE g.program_id = access_session.program_id AND g.person_id = access_session.person_id) AS granted
				FROM access_session WHERE token_hash = ? AND expires_at > ?""")
			.params(hash(token), Timestamp.from(this.clock.instant()))
			.query((rs, row) -> {
				StoredContext stored = this.json.readValue(rs.getString("context_json"), StoredContext.class);
				long courseId = rs.getLong("course_id");
				CourseId course = rs.wasNull() ? null : new CourseId(courseId);
				String role = rs.getString("program_role");
				Member member = new Member(new PersonId(rs.getLong("person_id")), stored.displayName(), course,
						stored.courseTitle(), People.roles(rs.getString("course_roles")),
						role == null ? null : ProgramRole.valueOf(role), new ProgramId(rs.getLong("program_id")),
						// The grant read on every request: a revoke takes effect at once.
						rs.getBoolean("institution_administrator"), rs.getBoolean("granted"));
				return new AccessSession(member, stored.context(), rs.getTimestamp("expires_at").toInstant());
			})
			.optional();
	}

	public void end(String token) {
		this.jdbc.sql("DELETE FROM access_session WHERE token_hash = ?").param(hash(token)).update();
	}

	@Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
	void removeExpired() {
		this.jdbc.sql("DELETE FROM access_session WHERE expires_at < ?")
			.param(Timestamp.from(this.clock.instant()))
			.update();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record StoredContext(String displayName, String courseTitle, LaunchContext context) {
	}

}
