package org.coachapproach.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.http.ResponseCookie;
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

	private final SessionRecords records;

	private final JsonMapper json;

	private final Clock clock;

	/** How stale the recorded last use may get before a request writes it again. */
	private static final Duration USE_RECORDING_STEP = Duration.ofMinutes(1);

	private final Duration lifetime;

	private final Duration idleTimeout;

	AccessSessions(SessionRecords records, Clock clock, PeopleProperties properties) {
		this.records = records;
		this.json = JsonMapper.builder().build();
		this.clock = clock;
		this.lifetime = properties.lifetime();
		this.idleTimeout = properties.idleTimeout();
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
		this.records.insert(hash(token), member,
				this.json.writeValueAsString(new StoredContext(member.displayName(), member.courseTitle(), context)), now,
				now.plus(this.lifetime));
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
		Optional<Found> found = this.records.find(hash, now, now.minus(this.idleTimeout)).map(row -> {
			CourseId course = row.courseId() == null ? null : new CourseId(row.courseId());
			String roles = row.courseRoles();
			String programRole = row.programRole();
			if (course != null) {
				// A course session lives only as long as the membership it was started for.
				if (!MembershipStatus.ACTIVE.name().equals(row.memberStatus())) {
					return null;
				}
				roles = row.memberRoles();
				programRole = row.memberProgramRole();
			}
			StoredContext stored = this.json.readValue(row.contextJson(), StoredContext.class);
			Member member = new Member(new PersonId(row.personId()), stored.displayName(), course, stored.courseTitle(),
					People.roles(roles), programRole == null ? null : ProgramRole.valueOf(programRole),
					new ProgramId(row.programId()),
					// The grant read on every request: a revoke takes effect at once.
					row.institutionAdministrator(), row.granted());
			return new Found(new AccessSession(member, stored.context(), row.expiresAt()), row.lastUsedAt());
		});
		found.filter(f -> f.lastUsed().isBefore(now.minus(USE_RECORDING_STEP)))
			.ifPresent(f -> this.records.recordUse(hash, now));
		return found.map(Found::session);
	}

	/** Ends every session of the program's people: its platform registration was revoked. */
	public int endAll(ProgramId program) {
		return this.records.deleteOfProgram(program);
	}

	public void end(String token) {
		this.records.delete(hash(token));
	}

	@SchedulerLock(name = "access-session-cleanup", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	@Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT1M")
	void removeExpired() {
		Instant now = this.clock.instant();
		this.records.deleteEnded(now, now.minus(this.idleTimeout));
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
