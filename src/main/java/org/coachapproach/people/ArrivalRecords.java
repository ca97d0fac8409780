package org.coachapproach.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * What a launch writes about people, in SQL. Every launch passes through here: a returning
 * person in a known course costs one read and no write, and two first launches at once both
 * succeed (insert-or-update on the natural keys). Hibernate's find-then-save cannot do either
 * (it cost 16 % of the tool's CPU per launch when measured, and two first launches at once
 * collide on the unique keys), so these aggregates are written here and only read through
 * their entities elsewhere.
 */
@Repository
class ArrivalRecords {

	private final JdbcClient jdbc;

	ArrivalRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What is stored of an arrival into a course, as one row: the registration's program, and
	 * the course, person and membership where they exist (null columns where not). Empty only
	 * before the registration's first launch. One read tells a launch which writes it needs.
	 */
	Optional<Known> known(Arrival arrival) {
		return this.jdbc.sql("""
				SELECT pr.id AS program_id, c.id AS course_id, c.title, c.label, c.program_id AS course_program,
				       p.id AS person_id, p.display_name, p.email, p.last_seen_at,
				       m.course_roles, m.program_role, m.status,
				       EXISTS (SELECT 1 FROM program_staff_grant g WHERE g.program_id = pr.id AND g.person_id = p.id) AS granted
				FROM program pr
				LEFT JOIN course c ON c.issuer = pr.issuer AND c.context_id = ?
				LEFT JOIN person p ON p.issuer = pr.issuer AND p.subject = ?
				LEFT JOIN membership m ON m.person_id = p.id AND m.course_id = c.id
				WHERE pr.issuer = ? AND pr.client_id = ?""")
			.params(arrival.contextId(), arrival.subject(), arrival.issuer(), arrival.clientId())
			.query((rs, row) -> {
				String role = rs.getString("program_role");
				Timestamp lastSeen = rs.getTimestamp("last_seen_at");
				return new Known(rs.getLong("program_id"), rs.getObject("course_id", Long.class), rs.getString("title"),
						rs.getString("label"), rs.getObject("course_program", Long.class),
						rs.getObject("person_id", Long.class), rs.getString("display_name"), rs.getString("email"),
						lastSeen == null ? null : lastSeen.toInstant(), rs.getString("course_roles"),
						role == null ? null : ProgramRole.valueOf(role), rs.getString("status"), rs.getBoolean("granted"));
			})
			.optional();
	}

	/** The registration's program, made at its first launch. */
	ProgramId upsertProgram(String issuer, String clientId, Instant now) {
		return new ProgramId(upsert("""
				INSERT INTO program (issuer, client_id, created_at) VALUES (?, ?, ?)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)""", issuer, clientId, Timestamp.from(now)));
	}

	long upsertPerson(Arrival arrival, Instant now) {
		Timestamp at = Timestamp.from(now);
		return upsert("""
				INSERT INTO person (issuer, subject, display_name, email, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), display_name = COALESCE(VALUES(display_name), display_name),
				    email = COALESCE(VALUES(email), email), last_seen_at = VALUES(last_seen_at)""",
				arrival.issuer(), arrival.subject(), arrival.displayName(), arrival.email(), at, at);
	}

	/** A course belongs to the program of the registration that launched it first; it never moves. */
	long upsertCourse(Arrival arrival, ProgramId program, Instant now) {
		return upsert("""
				INSERT INTO course (issuer, context_id, title, label, created_at, program_id) VALUES (?, ?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), title = COALESCE(VALUES(title), title),
				    label = COALESCE(VALUES(label), label), program_id = COALESCE(program_id, VALUES(program_id))""",
				arrival.issuer(), arrival.contextId(), arrival.contextTitle(), arrival.contextLabel(), Timestamp.from(now),
				program.value());
	}

	/** A program role already set (by staff) is kept; a launch makes the membership active. */
	long upsertMembership(long personId, long courseId, String roleNames, ProgramRole hint, Instant now) {
		// updated_at first: MariaDB applies these assignments left to right.
		return upsert("""
				INSERT INTO membership (person_id, course_id, course_roles, program_role, updated_at) VALUES (?, ?, ?, ?, ?)
				ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),
				    updated_at = IF(course_roles <> VALUES(course_roles) OR program_role IS NULL AND VALUES(program_role) IS NOT NULL,
				                    VALUES(updated_at), updated_at),
				    course_roles = VALUES(course_roles), program_role = COALESCE(program_role, VALUES(program_role)),
				    status = 'ACTIVE'""",
				personId, courseId, roleNames, hint == null ? null : hint.name(), Timestamp.from(now));
	}

	/**
	 * What the upserts left that the arrival alone does not tell (a kept name, title or program
	 * role, the course's program, a grant), in one read instead of one per value.
	 */
	Recorded recorded(long membershipId, ProgramId program) {
		return this.jdbc.sql("""
				SELECT p.display_name, c.title, c.program_id, m.program_role,
				       EXISTS (SELECT 1 FROM program_staff_grant g WHERE g.program_id = ? AND g.person_id = p.id) AS granted
				FROM membership m JOIN person p ON p.id = m.person_id JOIN course c ON c.id = m.course_id
				WHERE m.id = ?""")
			.params(program.value(), membershipId)
			.query((rs, row) -> {
				String role = rs.getString(4);
				return new Recorded(rs.getString(1), rs.getString(2), rs.getLong(3),
						role == null ? null : ProgramRole.valueOf(role), rs.getBoolean(5));
			})
			.single();
	}

	/** For an arrival without a course: the person's stored name and program grant, in one read. */
	Recorded recordedPerson(long personId, ProgramId program) {
		return this.jdbc.sql("""
				SELECT p.display_name,
				       EXISTS (SELECT 1 FROM program_staff_grant g WHERE g.program_id = ? AND g.person_id = p.id)
				FROM person p WHERE p.id = ?""")
			.params(program.value(), personId)
			.query((rs, row) -> new Recorded(rs.getString(1), null, program.value(), null, rs.getBoolean(2)))
			.single();
	}

	private long upsert(String sql, Object... params) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql(sql).params(params).update(key);
		return Objects.requireNonNull(key.getKey(), "no id from " + sql).longValue();
	}

	/**
	 * What {@link #known} found; the course's, person's and membership's columns are null
	 * where that part is not stored (yet).
	 */
	record Known(long programId, Long courseId, String title, String label, Long courseProgram, Long personId,
			String displayName, String email, Instant lastSeenAt, String courseRoles, ProgramRole programRole,
			String status, boolean granted) {

		/** The course is stored and belongs to the registration's program. */
		boolean courseOfProgram() {
			return this.courseId != null && this.courseProgram != null && this.courseProgram == this.programId;
		}

		boolean member() {
			return this.courseRoles != null;
		}

	}

	record Recorded(String displayName, String courseTitle, long courseProgram, ProgramRole programRole,
			boolean granted) {
	}

}
