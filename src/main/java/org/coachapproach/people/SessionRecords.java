package org.coachapproach.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions in SQL: every request looks its session up, with the membership's roles and the
 * program grant, in one joined query, and a launch writes one row; an entity would add a
 * persistence context and a dirty check to each of them.
 */
@Repository
class SessionRecords {

	private final JdbcClient jdbc;

	SessionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tokenHash, Member member, String contextJson, Instant now, Instant expires) {
		this.jdbc.sql("""
				INSERT INTO access_session (token_hash, person_id, course_id, course_roles, program_role, context_json,
				    created_at, expires_at, last_used_at, program_id, institution_administrator)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(tokenHash, member.person().value(), member.course() == null ? null : member.course().value(),
					People.names(member.courseRoles()),
					member.programRole() == null ? null : member.programRole().name(), contextJson,
					Timestamp.from(now), Timestamp.from(expires), Timestamp.from(now),
					// Program: the launch's registration; its institution role as the launch said.
					member.program().value(), member.institutionAdministrator())
			.update();
	}

	/** The session stored under this hash, if neither expired nor idle since {@code idleSince}. */
	Optional<Stored> find(String tokenHash, Instant now, Instant idleSince) {
		return this.jdbc.sql("""
				SELECT s.person_id, s.course_id, s.course_roles, s.program_role, s.context_json, s.expires_at,
				       s.last_used_at, s.program_id, s.institution_administrator,
				       m.course_roles AS member_roles, m.program_role AS member_program_role, m.status AS member_status,
				       EXISTS (SELECT 1 FROM program_staff_grant g
				               WHERE g.program_id = s.program_id AND g.person_id = s.person_id) AS granted
				FROM access_session s
				LEFT JOIN membership m ON m.person_id = s.person_id AND m.course_id = s.course_id
				WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_used_at > ?""")
			.params(tokenHash, Timestamp.from(now), Timestamp.from(idleSince))
			.query((rs, row) -> {
				Long courseId = rs.getObject("course_id", Long.class);
				return new Stored(rs.getLong("person_id"), courseId, rs.getString("course_roles"),
						rs.getString("program_role"), rs.getString("context_json"),
						rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("last_used_at").toInstant(),
						rs.getLong("program_id"), rs.getBoolean("institution_administrator"),
						rs.getString("member_roles"), rs.getString("member_program_role"),
						rs.getString("member_status"), rs.getBoolean("granted"));
			})
			.optional();
	}

	void recordUse(String tokenHash, Instant now) {
		this.jdbc.sql("UPDATE access_session SET last_used_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(now), tokenHash)
			.update();
	}

	int deleteOfProgram(ProgramId program) {
		return this.jdbc.sql("DELETE FROM access_session WHERE program_id = ?").param(program.value()).update();
	}

	void delete(String tokenHash) {
		this.jdbc.sql("DELETE FROM access_session WHERE token_hash = ?").param(tokenHash).update();
	}

	void deleteEnded(Instant now, Instant idleSince) {
		this.jdbc.sql("DELETE FROM access_session WHERE expires_at < ? OR last_used_at < ?")
			.params(Timestamp.from(now), Timestamp.from(idleSince))
			.update();
	}

	/** A stored session row with its membership's current roles and status (null when not a member). */
	record Stored(long personId, Long courseId, String courseRoles, String programRole, String contextJson,
			Instant expiresAt, Instant lastUsedAt, long programId, boolean institutionAdministrator, String memberRoles,
			String memberProgramRole, String memberStatus, boolean granted) {
	}

}
