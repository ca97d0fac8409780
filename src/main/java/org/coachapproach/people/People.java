package org.coachapproach.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records who arrives, in which course, with which roles, and answers who is where. The
 * launch's writes and the bulk reads are SQL ({@link ArrivalRecords}, {@link RosterRecords});
 * single courses, memberships and programs are read through their repositories.
 */
@Service
public class People {

	/** Last-seen times move in steps, so a returning person costs no write. */
	private static final Duration LAST_SEEN_STEP = Duration.ofMinutes(5);

	private final ArrivalRecords arrivals;

	private final RosterRecords rosters;

	private final Programs programs;

	private final Courses courses;

	private final Memberships memberships;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	People(ArrivalRecords arrivals, RosterRecords rosters, Programs programs, Courses courses, Memberships memberships,
			Clock clock, ApplicationEventPublisher events) {
		this.arrivals = arrivals;
		this.rosters = rosters;
		this.programs = programs;
		this.courses = courses;
		this.memberships = memberships;
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
		if (arrival.contextId() == null) {
			ProgramId program = this.arrivals.upsertProgram(arrival.issuer(), arrival.clientId(), now);
			long personId = this.arrivals.upsertPerson(arrival, now);
			ArrivalRecords.Recorded person = this.arrivals.recordedPerson(personId, program);
			return new Member(new PersonId(personId), person.displayName(), null, null, roles, arrival.programRole(),
					program, arrival.institutionAdministrator(), person.granted());
		}
		ArrivalRecords.Known known = this.arrivals.known(arrival).orElse(null);
		ProgramId program = known != null ? new ProgramId(known.programId())
				: this.arrivals.upsertProgram(arrival.issuer(), arrival.clientId(), now);
		if (known != null && known.courseId() != null && known.courseProgram() != null && !known.courseOfProgram()) {
			// The same course (issuer and context) launched through another registration of the
			// tool: its people, grades and roster belong to the first one's program.
			throw new CourseOfAnotherProgramException(new CourseId(known.courseId()), program);
		}
		// Only what is missing or changed is written: a returning person in a known course costs the one read.
		boolean personCurrent = known != null && known.personId() != null && personCurrent(known, arrival, now);
		long personId = personCurrent ? known.personId() : this.arrivals.upsertPerson(arrival, now);
		if (known != null && known.courseOfProgram()) {
			long courseId = courseCurrent(known, arrival) ? known.courseId()
					: this.arrivals.upsertCourse(arrival, program, now);
			if (!(known.member() && membershipCurrent(known, arrival, roleNames))) {
				this.arrivals.upsertMembership(personId, courseId, roleNames, arrival.programRole(), now);
			}
			// What the upserts leave follows from the read (COALESCE keeps a stored value the arrival lacks):
			// no read of what was just written. A concurrent change shows on the session's next request,
			// which reads the membership and grant again.
			String name = arrival.displayName() != null ? arrival.displayName() : known.displayName();
			String title = arrival.contextTitle() != null ? arrival.contextTitle() : known.title();
			ProgramRole role = known.member() && known.programRole() != null ? known.programRole() : arrival.programRole();
			return new Member(new PersonId(personId), name, new CourseId(courseId), title, roles, role, program,
					arrival.institutionAdministrator(), known.granted());
		}
		// A course new to the tool (or stored before courses had programs): its program is settled by the
		// upsert, which a concurrent first launch through another registration may win, so it is read back.
		boolean appears = known == null || known.courseId() == null;
		long courseId = this.arrivals.upsertCourse(arrival, program, now);
		long membershipId = this.arrivals.upsertMembership(personId, courseId, roleNames, arrival.programRole(), now);
		ArrivalRecords.Recorded recorded = this.arrivals.recorded(membershipId, program);
		if (recorded.courseProgram() != program.value()) {
			// The exception rolls back this transaction's writes.
			throw new CourseOfAnotherProgramException(new CourseId(courseId), program);
		}
		if (appears) {
			this.events.publishEvent(new CourseAppeared(new CourseId(courseId)));
		}
		return new Member(new PersonId(personId), recorded.displayName(), new CourseId(courseId), recorded.courseTitle(),
				roles, recorded.programRole(), program, arrival.institutionAdministrator(), recorded.granted());
	}

	/** The program of a registration (issuer and client id), made on first use. */
	@Transactional
	public ProgramId program(String issuer, String clientId) {
		return this.arrivals.upsertProgram(issuer, clientId, this.clock.instant());
	}

	/** The platform registration whose program this is. */
	public Optional<ProgramPlatform> platform(ProgramId program) {
		return this.programs.findById(program.value()).map(Program::platform);
	}

	/** The program a course belongs to: that of the registration that first launched it. */
	public Optional<ProgramId> program(CourseId course) {
		return this.courses.findById(course.value()).map(Course::programId).map(ProgramId::new);
	}

	/** Every program the tool knows. */
	public List<ProgramId> programs() {
		return this.programs.findAllIds().stream().map(ProgramId::new).toList();
	}

	/** Every course the tool knows, of every program (each has a roster). */
	public List<CourseId> courses() {
		return this.courses.findAllIds().stream().map(CourseId::new).toList();
	}

	/** The program's courses (each has a roster). */
	public List<CourseId> courses(ProgramId program) {
		return this.courses.findIdsByProgramId(program.value()).stream().map(CourseId::new).toList();
	}

	/** Everyone in the course, by name. */
	public List<RosterEntry> roster(CourseId course) {
		return this.rosters.roster(course);
	}

	/** The person's roles in the course (empty when not a member). */
	public Set<CourseRole> courseRoles(PersonId person, CourseId course) {
		return this.memberships.findByPersonIdAndCourseId(person.value(), course.value())
			.map(Membership::courseRoles)
			.orElse(EnumSet.noneOf(CourseRole.class));
	}

	/** The platform identities of these people, in one query. */
	public Map<PersonId, PlatformIdentity> identities(Collection<PersonId> persons) {
		return this.rosters.identities(persons);
	}

	/**
	 * Replaces the course's roster with the platform's complete list, in one transaction:
	 * members are created or updated with their roles and status, and members the list no
	 * longer names become {@link MembershipStatus#DELETED}, except those who arrived after
	 * {@code listedAt} (the list could not know them). Program roles staff set are kept.
	 * @return the number of members listed
	 */
	@Transactional
	public int replaceRoster(CourseId course, List<Enrolment> members, Instant listedAt) {
		String issuer = this.rosters.issuer(course)
			.orElseThrow(() -> new IllegalArgumentException("No course " + course));
		return this.rosters.replace(course, issuer, members, listedAt, this.clock.instant());
	}

	/** Email addresses of these people, as their platform last sent them (those without one are absent). */
	public Map<PersonId, String> emails(Collection<PersonId> persons) {
		return this.rosters.emails(persons);
	}

	/** The platform's id of a course (its LTI context id), e.g. to recognise a known course. */
	public Optional<String> contextId(CourseId course) {
		return this.courses.findById(course.value()).map(Course::contextId);
	}

	/** Display names of these people (those the platform never named are absent). */
	public Map<PersonId, String> names(Collection<PersonId> persons) {
		return this.rosters.names(persons);
	}

	/** Whether nothing the arrival says differs from the stored member (and last-seen is recent). */
	private static boolean personCurrent(ArrivalRecords.Known known, Arrival arrival, Instant now) {
		return same(arrival.displayName(), known.displayName()) && same(arrival.email(), known.email())
				&& known.lastSeenAt().isAfter(now.minus(LAST_SEEN_STEP));
	}

	private static boolean courseCurrent(ArrivalRecords.Known known, Arrival arrival) {
		return same(arrival.contextTitle(), known.title()) && same(arrival.contextLabel(), known.label());
	}

	private static boolean membershipCurrent(ArrivalRecords.Known known, Arrival arrival, String roleNames) {
		return roleNames.equals(known.courseRoles()) && MembershipStatus.ACTIVE.name().equals(known.status())
				&& (known.programRole() != null || arrival.programRole() == null);
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

	static String cut(String text, int max) {
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
