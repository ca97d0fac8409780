package org.coachapproach.people;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Program staff lists, in SQL: each joins memberships, courses, people and grants into one
 * page's rows, which no single aggregate holds.
 */
@Repository
class StaffRecords {

	private final JdbcClient jdbc;

	StaffRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ProgramStaff.Candidate> candidates(ProgramId program) {
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
				return new ProgramStaff.Candidate(new PersonId(rs.getLong(1)), rs.getString(2), rs.getBoolean(3),
						grantedBy, rs.getString(5), at == null ? null : at.toInstant());
			})
			.list();
	}

	List<ProgramStaff.Change> changes(ProgramId program, int limit) {
		return this.jdbc.sql("""
				SELECT l.person_id, p.display_name, l.action, b.display_name, l.acted_at
				FROM program_staff_grant_log l
				JOIN person p ON p.id = l.person_id
				LEFT JOIN person b ON b.id = l.acted_by
				WHERE l.program_id = ? ORDER BY l.id DESC LIMIT ?""")
			.params(program.value(), limit)
			.query((rs, row) -> new ProgramStaff.Change(new PersonId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

}
