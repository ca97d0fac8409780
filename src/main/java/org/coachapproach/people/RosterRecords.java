package org.coachapproach.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Rosters and people in bulk, in SQL: a course's whole roster read or replaced at once, and
 * names, emails or identities of many people in one query each (entities would load every row
 * into the persistence context for a value or two).
 */
@Repository
class RosterRecords {

	private final JdbcClient jdbc;

	RosterRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RosterEntry> roster(CourseId course) {
		return this.jdbc.sql("""
				SELECT p.id, p.display_name, m.course_roles, m.program_role
				FROM membership m JOIN person p ON p.id = m.person_id
				WHERE m.course_id = ? AND m.status = 'ACTIVE' ORDER BY p.display_name, p.id""")
			.param(course.value())
			.query((rs, row) -> {
				String role = rs.getString(4);
				return new RosterEntry(new PersonId(rs.getLong(1)), rs.getString(2), People.roles(rs.getString(3)),
						role == null ? null : ProgramRole.valueOf(role));
			})
			.list();
	}

	Optional<String> issuer(CourseId course) {
		return this.jdbc.sql("SELECT issuer FROM course WHERE id = ?").param(course.value()).query(String.class)
			.optional();
	}

	/**
	 * Creates or updates the listed members (in key order, as every writer of these rows should,
	 * to keep lock waits from becoming deadlocks) and marks the rest deleted, except those who
	 * arrived after {@code listedAt}.
	 * @return the number of members listed
	 */
	int replace(CourseId course, String issuer, List<Enrolment> members, Instant listedAt, Instant at) {
		Timestamp now = Timestamp.from(at);
		List<Long> listed = new ArrayList<>();
		List<Enrolment> ordered = members.stream()
			.sorted(Comparator.comparing(Enrolment::subject, Comparator.nullsFirst(String::compareTo)))
			.toList();
		for (Enrolment member : ordered) {
			if (member.subject() == null || member.subject().isBlank() || member.subject().length() > 255) {
				continue;
			}
			KeyHolder key = new GeneratedKeyHolder();
			this.jdbc.sql("""
					INSERT INTO person (issuer, subject, display_name, email, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
					ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), display_name = COALESCE(VALUES(display_name), display_name),
					    email = COALESCE(VALUES(email), email)""")
				.params(issuer, member.subject(), People.cut(member.displayName(), 255), People.cut(member.email(), 320),
						now, now)
				.update(key);
			long personId = Objects.requireNonNull(key.getKey(), "no person id").longValue();
			this.jdbc.sql("""
					INSERT INTO membership (person_id, course_id, course_roles, updated_at, status, roster_synced)
					VALUES (?, ?, ?, ?, ?, TRUE)
					ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at), course_roles = VALUES(course_roles),
					    status = VALUES(status), roster_synced = TRUE""")
				.params(personId, course.value(), People.names(member.courseRoles()), now, member.status().name())
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
			.param("listed", listed.isEmpty() ? List.of(-1L) : listed)
			.update();
		return listed.size();
	}

	Map<PersonId, PlatformIdentity> identities(Collection<PersonId> persons) {
		Map<PersonId, PlatformIdentity> identities = new HashMap<>();
		if (!persons.isEmpty()) {
			this.jdbc.sql("SELECT id, issuer, subject FROM person WHERE id IN (:ids)")
				.param("ids", ids(persons))
				.query(rs -> {
					identities.put(new PersonId(rs.getLong(1)), new PlatformIdentity(rs.getString(2), rs.getString(3)));
				});
		}
		return identities;
	}

	Map<PersonId, String> emails(Collection<PersonId> persons) {
		Map<PersonId, String> emails = new HashMap<>();
		if (!persons.isEmpty()) {
			this.jdbc.sql("SELECT id, email FROM person WHERE id IN (:ids) AND email IS NOT NULL AND email <> ''")
				.param("ids", ids(persons))
				.query(rs -> {
					emails.put(new PersonId(rs.getLong(1)), rs.getString(2));
				});
		}
		return emails;
	}

	Map<PersonId, String> names(Collection<PersonId> persons) {
		Map<PersonId, String> names = new HashMap<>();
		if (!persons.isEmpty()) {
			this.jdbc.sql("SELECT id, display_name FROM person WHERE id IN (:ids) AND display_name IS NOT NULL")
				.param("ids", ids(persons))
				.query(rs -> {
					names.put(new PersonId(rs.getLong(1)), rs.getString(2));
				});
		}
		return names;
	}

	private static List<Long> ids(Collection<PersonId> persons) {
		return persons.stream().map(PersonId::value).distinct().toList();
	}

}
