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

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Signed-in sessions, kept in MariaDB. The bearer token is handed to the browser (cookie, or
 * URL where the platform's iframe blocks cookies); only its SHA-256 is stored.
 * <p>
 * A session ends at the first of: its absolute lifetime from the launch, an idle time without
 * a request, sign-out, or the person leaving the course. The roles and program role are not
 * frozen at launch: each request reads them from the membership (one joined query, the same
 * one that finds the session), so a roster sync or a staff change takes effect on the next
 * request.
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

	/** How stale the recorded last use may get before a request writes it again. */
	private static final Duration USE_RECORDING_STEP = Duration.ofMinutes(1);

	private final Duration lifetime;

	private final Duration idleTimeout;

	AccessSessions(JdbcClient jdbc, Clock clock,
			@Value("${coachapproach.session.lifetime:PT8H}") Duration lifetime,
			@Value("${coachapproach.session.idle-timeout:PT60M}") Duration idleTimeout) {
		this.jdbc = jdbc;
		this.json = JsonMapper.builder().build();
		this.clock = clock;
		this.lifetime = lifetime;
		this.idleTimeout = idleTimeout;
	}

	/**
	 * The session cookie: {@code SameSite=None} for the platform's iframe, and partitioned
	 * (CHIPS) so that a browser blocking third-party cookies still keeps it for the tool inside
	 * this platform's pages; the token in the URL is then only the last resort.
	 */
	public static ResponseCookie cookie(String token) {
		return ResponseCookie.from(COOKIE, token).httpOnly(true).secure(true).sameSite("None").partitioned(true).path("/")
			.build();
	}

	/** Tells the browser to drop the session cookie. */
	public static ResponseCookie clearedCookie() {
		return ResponseCookie.from(COOKIE, "").httpOnly(true).secure(true).sameSite("None").partitioned(true).path("/")
			.maxAge(Duration.ZERO)
			.build();
	}

	/** Starts a session and returns its bearer token. */
	public String start(Member member, LaunchContext context) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO access_session (token_hash, person_id, course_id, course_roles, program_role, context_json,
				    created_at, expires_at, last_used_at, program_id, institution_administrator)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(hash(token), member.person().value(), member.course() == null ? null : member.course().value(),
					People.names(member.courseRoles()),
					member.programRole() == null ? null : member.programRole().name(),
					this.json.writeValueAsString(new StoredContext(member.displayName(), member.courseTitle(), context)),
					Timestamp.from(now), Timestamp.from(now.plus(this.lifetime)), Timestamp.from(now),
					// Program: the launch's registration; its institution role as the launch said.
					member.program().value(), member.institutionAdministrator())
			.update();
		return token;
	}

	/**
	 * The live session for a token, with the roles the membership has now; empty when unknown,
	 * malformed, expired, idle too long, or when the person is no longer an active member of
	 * the session's course.
	 */
	public Optional<AccessSession> find(String token) {
		if (token == null || token.length() != 43) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		String hash = hash(token);
		Optional<Found> found = this.jdbc.sql("""
				SELECT s.person_id, s.course_id, s.course_roles, s.program_role, s.context_json, s.expires_at,
				       s.last_used_at, s.program_id, s.institution_administrator,
				       m.course_roles AS member_roles, m.program_role AS member_program_role, m.status AS member_status,
				       EXISTS (SELECT 1 FROM program_staff_grant g
				               WHERE g.program_id = s.program_id AND g.person_id = s.person_id) AS granted
				FROM access_session s
				LEFT JOIN membership m ON m.person_id = s.person_id AND m.course_id = s.course_id
				WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_used_at > ?""")
			.params(hash, Timestamp.from(now), Timestamp.from(now.minus(this.idleTimeout)))
			.query((rs, row) -> {
				long courseId = rs.getLong("course_id");
				CourseId course = rs.wasNull() ? null : new CourseId(courseId);
				String roles = rs.getString("course_roles");
				String programRole = rs.getString("program_role");
				if (course != null) {
					// A course session lives only as long as the membership it was started for.
					if (!MembershipStatus.ACTIVE.name().equals(rs.getString("member_status"))) {
						return null;
					}
					roles = rs.getString("member_roles");
					programRole = rs.getString("member_program_role");
				}
				StoredContext stored = this.json.readValue(rs.getString("context_json"), StoredContext.class);
				Member member = new Member(new PersonId(rs.getLong("person_id")), stored.displayName(), course,
						stored.courseTitle(), People.roles(roles),
						programRole == null ? null : ProgramRole.valueOf(programRole), new ProgramId(rs.getLong("program_id")),
						// The grant read on every request: a revoke takes effect at once.
						rs.getBoolean("institution_administrator"), rs.getBoolean("granted"));
				return new Found(new AccessSession(member, stored.context(), rs.getTimestamp("expires_at").toInstant()),
						rs.getTimestamp("last_used_at").toInstant());
			})
			.optional();
		found.filter(f -> f.lastUsed().isBefore(now.minus(USE_RECORDING_STEP)))
			.ifPresent(f -> this.jdbc.sql("UPDATE access_session SET last_used_at = ? WHERE token_hash = ?")
				.params(Timestamp.from(now), hash)
				.update());
		return found.map(Found::session);
	}

	/** Ends every session of the program's people: its platform registration was revoked. */
	public int endAll(ProgramId program) {
		return this.jdbc.sql("DELETE FROM access_session WHERE program_id = ?").param(program.value()).update();
	}

	public void end(String token) {
		this.jdbc.sql("DELETE FROM access_session WHERE token_hash = ?").param(hash(token)).update();
	}

	@SchedulerLock(name = "access-session-cleanup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	@Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
	void removeExpired() {
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM access_session WHERE expires_at < ? OR last_used_at < ?")
			.params(Timestamp.from(now), Timestamp.from(now.minus(this.idleTimeout)))
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

	private record Found(AccessSession session, Instant lastUsed) {
	}

	record StoredContext(String displayName, String courseTitle, LaunchContext context) {
	}

}
