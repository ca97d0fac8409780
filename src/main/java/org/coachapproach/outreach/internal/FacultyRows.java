package org.coachapproach.outreach.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.coachapproach.outreach.FacultyList.Faculty;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A program's faculty list, replaced and read whole (bulk, so SQL). */
@Repository
public class FacultyRows {

	private final JdbcClient jdbc;

	FacultyRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void replace(long program, List<Faculty> faculty, Instant at) {
		this.jdbc.sql("DELETE FROM outreach_faculty WHERE program_id = ?").param(program).update();
		for (Faculty f : faculty) {
			this.jdbc.sql("""
					INSERT INTO outreach_faculty (program_id, email, name, division, faculty_rank, imported_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(program, f.email().toLowerCase(Locale.ROOT), f.name(), f.division(), f.rank(), Timestamp.from(at))
				.update();
		}
	}

	public List<Faculty> all(long program) {
		return this.jdbc.sql("""
				SELECT name, email, division, faculty_rank FROM outreach_faculty WHERE program_id = ? ORDER BY name, email""")
			.param(program)
			.query((rs, n) -> new Faculty(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public int size(long program) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outreach_faculty WHERE program_id = ?")
			.param(program)
			.query(Integer.class)
			.single();
	}

}
