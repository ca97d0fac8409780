package org.coachapproach.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who arrives, in which course, with which roles. Every launch passes through here,
 * so it is plain SQL: a returning person in a known course costs one read and no write, and
 * two first launches at once both succeed (insert-or-update on the natural keys).
 */
@Service
public class People {

	/** Last-seen times move in steps, so a returning person costs no write. */
	private static final Duration LAST_SEEN_STEP = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	People(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Creates or updates the person, their course and their membership from a verified
	 * arrival. A program role already set (by staff) is kept; otherwise the arrival's applies.
	 */
	@Transactional
	public Member arrive(Arrival incoming) {
		Instant now = this.clock.instant();
		Arrival arrival = fitted(incoming);
		Set<CourseRole> roles = arrival.courseRoles().isEmpty() ? EnumSet.noneOf(CourseRole.class)
				: EnumSet.copyOf(arrival.courseRoles());
		String roleNames = names(roles);
		if (arrival.contextId() != null) {
			Optional<Member> unchanged = known(arrival, roleNames, now);
			if (unchanged.isPresent()) {
				return unchanged.get();
			}
		}
		ProgramId program = upsertProgram(arrival, now);
		long personId = upsertPerson(arrival, now);
		String name = this.jdbc.sql("SELECT display_name FROM person WHERE id = ?").param(personId).query(String.class)
			.optional().orElse(null);
		boolean granted = granted(program, personId);
		if (arrival.contextId() == null) {
			return new Member(new PersonId(personId), name, null, null, roles, arrival.programRole(), program,
					arrival.institutionAdministrator(), granted);
		}
		// Only a launch that missed the fast path gets here, so the check costs a returning person nothing.
		boolean appears = this.jdbc.sql("SELECT COUNT(*) FROM course WHERE issuer = ? AND context_id = ?")
			.params(arrival.issuer(), arrival.contextId()).query(Integer.class).single() == 0;
		long courseId = upsertCourse(arrival, program, now);
		long courseProgram = this.jdbc.sql("SELECT program_id FROM course WHERE id = ?").param(courseId)
			.query(Long.class).single();
		if (courseProgram != program.value()) {
			// The same course (issuer and context) launched through another registration of the
			// tool: its people, grades and roster belong to the first one's program.
			throw new CourseOfAnotherProgramException(new CourseId(courseId), program);
		}
		if (appears) {
			this.events.publishEvent(new CourseAppeared(new CourseId(courseId)));
		}
		ProgramRole programRole = upsertMembership(personId, courseId, roleNames, arrival.programRole(), now);
		String title = this.jdbc.sql("SELECT title FROM course WHERE id = ?").param(courseId).query(String.class)
			.optional().orElse(null);
		return new Member(new PersonId(personId), name, new CourseId(courseId), title, roles, programRole, program,
				arrival.institutionAdministrator(), granted);
	}

	/** The program of a registration (issuer and client id), made on first use. */
	@Transactional
	public ProgramId program(String issuer, String clientId) {
		return upsertProgram(new Arrival(issuer, clientId, "-", null, null, null, null, null, Set.of(), null, false),
				this.clock.instant());
	}

	/** The platform registration whose program this is. */
	public Optional<ProgramPlatform> platform(ProgramId program) {
		return this.jdbc.sql("SELECT issuer, client_id FROM program WHERE id = ?")
			.param(program.value())
			.query((rs, row) -> new ProgramPlatform(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/** The program a course belongs to: that of the registration that first launched it. */
	public Optional<ProgramId> program(CourseId course) {
		return this.jdbc.sql("SELECT program_id FROM course WHERE id = ? AND program_id IS NOT NULL")
			.param(course.value())
			.query((rs, row) -> new ProgramId(rs.getLong(1)))
			.optional();
	}

	/** Every program the tool knows. */
	public java.util.List<ProgramId> programs() {
		return this.jdbc.sql("SELECT id FROM program ORDER BY id").query((rs, row) -> new ProgramId(rs.getLong(1))).list();
	}

	/** Every course the tool knows, of every program (each has a roster). */
	public java.util.List<CourseId> courses() {
		return this.jdbc.sql("SELECT id FROM course ORDER BY id").query((rs, row) -> new CourseId(rs.getLong(1))).list();
	}

	/** The program's courses (each has a roster). */
	public java.util.List<CourseId> courses(ProgramId program) {
		return this.jdbc.sql("SELECT id FROM course WHERE program_id = ? ORDER BY id")
			.param(program.value())
			.query((rs, row) -> new CourseId(rs.getLong(1)))
			.list();
	}

	/** Everyone in the course, by name. */
	public java.util.List<RosterEntry> roster(CourseId course) {
		return this.jdbc.sql("""
				SELECT p.id, p.display_name, m.course_roles, m.program_role
				FROM membership m JOIN person p ON p.id = m.person_id
				WHERE m.course_id = ? AND m.status = 'ACTIVE' ORDER BY p.display_name, p.id""")
			.param(course.value())
			.query((rs, row) -> {
				String role = rs.getString(4);
				return new RosterEntry(new PersonId(rs.getLong(1)), rs.getString(2), roles(rs.getString(3)),
						role == null ? null : ProgramRole.valueOf(role));
			})
			.list();
	}

	/** The person's roles in the course (empty when not a member). */
	public Set<CourseRole> courseRoles(PersonId person, CourseId course) {
		return this.jdbc.sql("SELECT course_roles FROM membership WHERE person_id = ? AND course_id = ?")
			.params(person.value(), course.value())
			.query(String.class)
			.optional()
			.map(People::roles)
			.orElse(EnumSet.noneOf(CourseRole.class));
	}

	/** The platform identities of these people, in one query. */
	public java.util.Map<PersonId, PlatformIdentity> identities(java.util.Collection<PersonId> persons) {
		java.util.Map<PersonId, PlatformIdentity> identities = new java.util.HashMap<>();
		if (!persons.isEmpty()) {
			this.jdbc.sql("SELECT id, issuer, subject FROM person WHERE id IN (:ids)")
				.param("ids", persons.stream().map(PersonId::value).distinct().toList())
				.query(rs -> {
					identities.put(new PersonId(rs.getLong(1)), new PlatformIdentity(rs.getString(2), rs.getString(3)));
				});
		}
		return identities;
	}

	/**
	 * Replaces the course's roster with the platform's complete list, in one transaction:
	 * members are created or updated with their roles and status, and members the list no
	 * longer names become {@link MembershipStatus#DELETED}, except those who arrived after
	 * {@code listedAt} (the list could not know them). Program roles staff set are kept.
	 * @return the number of members listed
	 */
	@Transactional
	public int replaceRoster(CourseId course, java.util.List<Enrolment> members, Instant listedAt) {
		String issuer = this.jdbc.sql("SELECT issuer FROM course WHERE id = ?").param(course.value()).query(String.class)
			.optional().orElseThrow(() -> new IllegalArgumentException("No course " + course));
		Timestamp now = Timestamp.from(this.clock.instant());
		java.util.List<Long> listed = new java.util.ArrayList<>();
		// In key order, as every writer of these rows should, to keep lock waits from becoming deadlocks.
		java.util.List<Enrolment> ordered = members.stream()
			.sorted(java.util.Comparator.comparing(Enrolment::subject, java.util.Comparator.nullsFirst(String::compareTo)))
			.toList();
		for (Enrolment member : ordered) {
			if (member.subject() == null || member.subject().isBlank() || member.subject().length() > 255) {
				continue;
			}
			long personId = upsert("""
					INSERT INTO person (issuer, subject, display_name, email, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
					ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), display_name = COALESCE(VALUES(display_name), display_name),
					    email = COALESCE(VALUES(email), email)""",
					issuer, member.subject(), cut(member.displayName(), 255), cut(member.email(), 320), now, now);
			this.jdbc.sql("""
					INSERT INTO membership (person_id, course_id, course_roles, updated_at, status, roster_synced)
					VALUES (?, ?, ?, ?, ?, TRUE)
					ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at), course_roles = VALUES(course_roles),
					    status = VALUES(status), roster_synced = TRUE""")
				.params(personId, course.value(), names(member.courseRoles()), now, member.status().name())
				.update();
			listed.add(personId);
		}
		String left = """
				UPDATE membership SET status = 'DELETED', updated_at = :now
				WHERE course_id = :course AND status <> 'DELETED' AND updated_at < :listedAt""";
		this.jdbc.sql(listed.isEmpty() ? left : left + " AND person_id NOT IN (:listed)")
			.param("now", now)
			.param("course", course.value())
			.param("listedAt", Timestamp.from(listedAt))
			.param("listed", listed.isEmpty() ? java.util.List.of(-1L) : listed)
			.update();
		return listed.size();
	}

	/** Email addresses of these people, as their platform last sent them (those without one are absent). */
	public java.util.Map<PersonId, String> emails(java.util.Collection<PersonId> persons) {
		if (persons.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<PersonId, String> emails = new java.util.HashMap<>();
		this.jdbc.sql("SELECT id, email FROM person WHERE id IN (:ids) AND email IS NOT NULL AND email <> ''")
			.param("ids", persons.stream().map(PersonId::value).distinct().toList())
			.query(rs -> {
				emails.put(new PersonId(rs.getLong(1)), rs.getString(2));
			});
		return emails;
	}

	/** The platform's id of a course (its LTI context id), e.g. to recognise a known course. */
	public Optional<String> contextId(CourseId course) {
		return this.jdbc.sql("SELECT context_id FROM course WHERE id = ?").param(course.value()).query(String.class)
			.optional();
	}

	/** Display names of these people (those the platform never named are absent). */
	public java.util.Map<PersonId, String> names(java.util.Collection<PersonId> persons) {
		if (persons.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<PersonId, String> names = new java.util.HashMap<>();
		this.jdbc.sql("SELECT id, display_name FROM person WHERE id IN (:ids) AND display_name IS NOT NULL")
			.param("ids", persons.stream().map(PersonId::value).distinct().toList())
			.query(rs -> {
				names.put(new PersonId(rs.getLong(1)), rs.getString(2));
			});
		return names;
	}

	/** The member as stored, when nothing the arrival says differs from it. */
	private Optional<Member> known(Arrival arrival, String roleNames, Instant now) {
		return this.jdbc.sql("""
				SELECT p.id AS person_id, p.display_name, p.email, p.last_seen_at, c.id AS course_id, c.title, c.label,
				       m.course_roles, m.program_role, m.status, pr.id AS program_id,
				       EXISTS (SELECT 1 FROM program_staff_grant g WHERE g.program_id = pr.id AND g.person_id = p.id) AS granted
				FROM person p
				JOIN course c ON c.issuer = p.issuer AND c.context_id = ? AND c.program_id IS NOT NULL
				JOIN membership m ON m.person_id = p.id AND m.course_id = c.id
				JOIN program pr ON pr.issuer = p.issuer AND pr.client_id = ? AND pr.id = c.program_id
				WHERE p.issuer = ? AND p.subject = ?""")
			.params(arrival.contextId(), arrival.clientId(), arrival.issuer(), arrival.subject())
			.query((rs, row) -> {
				boolean current = same(arrival.displayName(), rs.getString("display_name"))
						&& same(arrival.email(), rs.getString("email"))
						&& same(arrival.contextTitle(), rs.getString("title"))
						&& same(arrival.contextLabel(), rs.getString("label"))
						&& roleNames.equals(rs.getString("course_roles")) && "ACTIVE".equals(rs.getString("status"))
						&& (rs.getString("program_role") != null || arrival.programRole() == null)
						&& rs.getTimestamp("last_seen_at").toInstant().isAfter(now.minus(LAST_SEEN_STEP));
				if (!current) {
					return null;
				}
				String role = rs.getString("program_role");
				return new Member(new PersonId(rs.getLong("person_id")), rs.getString("display_name"),
						new CourseId(rs.getLong("course_id")), rs.getString("title"), roles(roleNames),
						role == null ? null : ProgramRole.valueOf(role), new ProgramId(rs.getLong("program_id")),
						arrival.institutionAdministrator(), rs.getBoolean("granted"));
			})
			.optional();
	}

	private long upsertPerson(Arrival arrival, Instant now) {
		Timestamp at = Timestamp.from(now);
		return upsert("""
				INSERT INTO person (issuer, subject, display_name, email, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), display_name = COALESCE(VALUES(display_name), display_name),
				    email = COALESCE(VALUES(email), email), last_seen_at = VALUES(last_seen_at)""",
				arrival.issuer(), arrival.subject(), arrival.displayName(), arrival.email(), at, at);
	}

	/** The registration's program, made at its first launch. */
	private ProgramId upsertProgram(Arrival arrival, Instant now) {
		return new ProgramId(upsert("""
				INSERT INTO program (issuer, client_id, created_at) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)""",
				arrival.issuer(), arrival.clientId(), Timestamp.from(now)));
	}

	private boolean granted(ProgramId program, long personId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM program_staff_grant WHERE program_id = ? AND person_id = ?)")
			.params(program.value(), personId)
			.query(Boolean.class)
			.single();
	}

	/** A course belongs to the program of the registration that launched it first; it never moves. */
	private long upsertCourse(Arrival arrival, ProgramId program, Instant now) {
		return upsert("""
				INSERT INTO course (issuer, context_id, title, label, created_at, program_id) VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), title = COALESCE(VALUES(title), title),
				    label = COALESCE(VALUES(label), label), program_id = COALESCE(program_id, VALUES(program_id))""",
				arrival.issuer(), arrival.contextId(), arrival.contextTitle(), arrival.contextLabel(), Timestamp.from(now),
				program.value());
	}

	/** @return the program role in force: the one staff set, else the arrival's */
	private ProgramRole upsertMembership(long personId, long courseId, String roleNames, ProgramRole hint, Instant now) {
		// updated_at first: MariaDB applies these assignments left to right.
		long id = upsert("""
				INSERT INTO membership (person_id, course_id, course_roles, program_role, updated_at) VALUES (?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),
				    updated_at = IF(course_roles <> VALUES(course_roles) OR program_role IS NULL AND VALUES(program_role) IS NOT NULL,
				                    VALUES(updated_at), updated_at),
				    course_roles = VALUES(course_roles), program_role = COALESCE(program_role, VALUES(program_role)),
				    status = 'ACTIVE'""",
				personId, courseId, roleNames, hint == null ? null : hint.name(), Timestamp.from(now));
		String role = this.jdbc.sql("SELECT program_role FROM membership WHERE id = ?").param(id).query(String.class)
			.optional().orElse(null);
		return role == null ? null : ProgramRole.valueOf(role);
	}

	private long upsert(String sql, Object... params) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql(sql).params(params).update(key);
		return Objects.requireNonNull(key.getKey(), "no id from " + sql).longValue();
	}

	/** Display fields cut to their columns; identities that do not fit are refused. */
	private static Arrival fitted(Arrival a) {
		if (a.subject().length() > 255 || a.issuer().length() > 255 || (a.contextId() != null && a.contextId().length() > 255)) {
			throw new IllegalArgumentException("Platform identity longer than 255 characters");
		}
		if (a.clientId().length() > 255) {
			throw new IllegalArgumentException("Client id longer than 255 characters");
		}
		return new Arrival(a.issuer(), a.clientId(), a.subject(), cut(a.displayName(), 255), cut(a.email(), 320),
				a.contextId(), cut(a.contextTitle(), 255), cut(a.contextLabel(), 255), a.courseRoles(), a.programRole(),
				a.institutionAdministrator());
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	private static boolean same(String arrived, String stored) {
		return arrived == null || arrived.equals(stored);
	}

	static String names(Set<CourseRole> roles) {
		return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	static Set<CourseRole> roles(String names) {
		if (names == null || names.isEmpty()) {
			return EnumSet.noneOf(CourseRole.class);
		}
		return Arrays.stream(names.split(","))
			.map(CourseRole::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(CourseRole.class)));
	}

}
