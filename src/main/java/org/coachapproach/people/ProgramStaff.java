package org.coachapproach.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program staff by grant: an institution administrator of the program's registration makes
 * someone from the program's courses program staff, or stops it. Every grant and revoke is
 * logged (who, whom, when), and the log outlives the grant.
 */
@Service
public class ProgramStaff {

	/** Someone in one of the program's courses, and whether they hold a grant. */
	public record Candidate(PersonId person, String displayName, boolean granted, PersonId grantedBy,
			String grantedByName, Instant grantedAt) {
	}

	/** One grant or revoke, for the audit list. */
	public record Change(PersonId person, String displayName, String action, String byName, Instant at) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	ProgramStaff(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The active members of the program's courses, by name, with their grants. */
	public List<Candidate> candidates(ProgramId program) {
		return this.jdbc.sql("""
				SELECT DISTINCT p.id, p.display_name, g.person_id IS NOT NULL AS granted, g.granted_by, b.display_name,
				    g.granted_at
				FROM membership m
				JOIN course c ON c.id = m.course_id AND c.program_id = :program
				JOIN person p ON p.id = m.person_id
				LEFT JOIN program_staff_grant g ON g.program_id = :program AND g.person_id = p.id
				LEFT JOIN person b ON b.id = g.granted_by
				WHERE m.status = 'ACTIVE'
				ORDER BY p.display_name, p.id""")
			.param("program", program.value())
			.query((rs, row) -> {
				long by = rs.getLong(4);
				PersonId grantedBy = rs.wasNull() ? null : new PersonId(by);
				Timestamp at = rs.getTimestamp(6);
				return new Candidate(new PersonId(rs.getLong(1)), rs.getString(2), rs.getBoolean(3), grantedBy,
						rs.getString(5), at == null ? null : at.toInstant());
			})
			.list();
	}

	/**
	 * Grants program staff to a member of one of the program's courses (again: no change).
	 * @return whether the person could be granted (someone outside the program cannot)
	 */
	@Transactional
	public boolean grant(ProgramId program, PersonId person, PersonId by) {
		if (!inProgram(program, person)) {
			return false;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int added = this.jdbc.sql("""
				INSERT IGNORE INTO program_staff_grant (program_id, person_id, granted_by, granted_at) VALUES (?, ?, ?, ?)""")
			.params(program.value(), person.value(), by.value(), now)
			.update();
		if (added == 1) {
			log(program, person, "GRANT", by, now);
		}
		return true;
	}

	/** Ends a grant (none: no change). */
	@Transactional
	public void revoke(ProgramId program, PersonId person, PersonId by) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int removed = this.jdbc.sql("DELETE FROM program_staff_grant WHERE program_id = ? AND person_id = ?")
			.params(program.value(), person.value())
			.update();
		if (removed == 1) {
			log(program, person, "REVOKE", by, now);
		}
	}

	/** The latest grants and revokes, newest first. */
	public List<Change> changes(ProgramId program, int limit) {
		return this.jdbc.sql("""
				SELECT l.person_id, p.display_name, l.action, b.display_name, l.acted_at
				FROM program_staff_grant_log l
				JOIN person p ON p.id = l.person_id
				LEFT JOIN person b ON b.id = l.acted_by
				WHERE l.program_id = ? ORDER BY l.id DESC LIMIT ?""")
			.params(program.value(), limit)
			.query((rs, row) -> new Change(new PersonId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	private boolean inProgram(ProgramId program, PersonId person) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM membership m JOIN course c ON c.id = m.course_id
				               WHERE c.program_id = ? AND m.person_id = ? AND m.status = 'ACTIVE')""")
			.params(program.value(), person.value())
			.query(Boolean.class)
			.single();
	}

	private void log(ProgramId program, PersonId person, String action, PersonId by, Timestamp at) {
		this.jdbc.sql("""
				INSERT INTO program_staff_grant_log (program_id, person_id, action, acted_by, acted_at) VALUES (?, ?, ?, ?, ?)""")
			.params(program.value(), person.value(), action, by.value(), at)
			.update();
	}

}
