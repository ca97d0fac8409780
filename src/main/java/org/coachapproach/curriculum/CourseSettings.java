package org.coachapproach.curriculum;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.coachapproach.curriculum.internal.CourseSettingsRecords;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-course configuration of the program: which sessions, exercises and recordings learners
 * see and must complete, when they open and are due, and when mentors start meeting mentees.
 * Every change is audited field by field; none touches what learners did.
 */
@Service
public class CourseSettings {

	/** Dates outside these are typing mistakes, not plans. */
	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	/**
	 * Every page view of a learner reads the plan (often twice); it is kept for a moment. This
	 * instance forgets it on a change, so a change applies at once here and within
	 * {@link #FRESH_FOR} on the others.
	 */
	private static final java.time.Duration FRESH_FOR = java.time.Duration.ofSeconds(2);

	private final java.util.concurrent.ConcurrentHashMap<CourseId, Stored> recent = new java.util.concurrent.ConcurrentHashMap<>();

	private final CourseSettingsRecords records;

	private final Curriculum curriculum;

	private final ProgramClock clock;

	private final org.coachapproach.people.People people;

	CourseSettings(CourseSettingsRecords records, Curriculum curriculum, org.coachapproach.people.People people,
			ProgramClock clock) {
		this.records = records;
		this.people = people;
		this.curriculum = curriculum;
		this.clock = clock;
	}

	/** Instructors (and content developers, TAs, administrators) and program staff. */
	public static boolean mayConfigure(Member member) {
		return member.course() != null && (member.isInstructor() || member.isStaff());
	}

	/** The course's settings as of today; defaults for everything never changed. */
	public CoursePlan of(CourseId course) {
		Instant now = this.clock.now();
		Stored stored = this.recent.get(course);
		if (stored == null || stored.until().isBefore(now)) {
			stored = new Stored(this.records.items(course), this.records.meetMenteesFrom(course).orElse(null),
					now.plus(FRESH_FOR));
			this.recent.put(course, stored);
		}
		return new CoursePlan(course, stored.items(), stored.meetMenteesFrom(), today());
	}

	/**
	 * Applies a change at once, writing one audit row per field that differs.
	 * @throws SettingsRefusedException when {@code who} may not configure the course
	 * @throws InvalidPlanException when any part is invalid; then nothing is saved
	 */
	@Transactional
	public void change(Member who, PlanChange change) {
		if (!mayConfigure(who)) {
			throw new SettingsRefusedException();
		}
		validate(change);
		CourseId course = who.course();
		Instant now = this.clock.now();
		this.records.lock(course, now);
		this.recent.remove(course);
		CoursePlan current = of(course);
		for (Map.Entry<ItemRef, ItemSettings> entry : change.items().entrySet()) {
			ItemRef item = entry.getKey();
			ItemSettings before = current.item(item);
			ItemSettings after = entry.getValue();
			if (before.equals(after)) {
				continue;
			}
			this.records.saveItem(course, item, after, now);
			auditIfChanged(who, now, item, "visible", before.visible(), after.visible());
			auditIfChanged(who, now, item, "required", before.required(), after.required());
			auditIfChanged(who, now, item, "release_at", before.releaseOn(), after.releaseOn());
			auditIfChanged(who, now, item, "due_at", before.dueOn(), after.dueOn());
		}
		if (!Objects.equals(current.meetMenteesFrom(), change.meetMenteesFrom())) {
			this.records.saveMeetMenteesFrom(course, change.meetMenteesFrom(), now);
			auditIfChanged(who, now, null, "meet_mentees_from", current.meetMenteesFrom(), change.meetMenteesFrom());
		}
		org.springframework.transaction.support.TransactionSynchronizationManager
			.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
				@Override
				public void afterCommit() {
					CourseSettings.this.recent.remove(course);
				}
			});
	}

	private record Stored(Map<ItemRef, ItemSettings> items, java.time.LocalDate meetMenteesFrom, Instant until) {
	}

	/** The course's audit log, newest first. */
	public List<SettingsChange> history(CourseId course, int limit) {
		List<SettingsChange> changes = this.records.history(course, limit);
		Map<org.coachapproach.people.PersonId, String> names = this.people
			.names(changes.stream().map(SettingsChange::who).toList());
		return changes.stream()
			.map(c -> new SettingsChange(c.changedAt(), c.who(), names.get(c.who()), c.item(), c.field(), c.oldValue(),
					c.newValue()))
			.toList();
	}

	public LocalDate today() {
		return this.clock.today();
	}

	private void auditIfChanged(Member who, Instant now, ItemRef item, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			this.records.audit(who.course(), who.person(), now, item, field, text(before), text(after));
		}
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private void validate(PlanChange change) {
		List<InvalidPlanException.Problem> problems = new ArrayList<>();
		change.items().forEach((item, settings) -> {
			String name = item.kind() + ":" + item.id();
			if (!exists(item)) {
				problems.add(new InvalidPlanException.Problem("unknownItem", name));
				return;
			}
			if (!inRange(settings.releaseOn()) || !inRange(settings.dueOn())) {
				problems.add(new InvalidPlanException.Problem("dateOutOfRange", name));
			}
			if (settings.releaseOn() != null && settings.dueOn() != null && settings.dueOn().isBefore(settings.releaseOn())) {
				problems.add(new InvalidPlanException.Problem("dueBeforeRelease", name));
			}
		});
		if (!inRange(change.meetMenteesFrom())) {
			problems.add(new InvalidPlanException.Problem("dateOutOfRange", "meetMenteesFrom"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidPlanException(problems);
		}
	}

	private boolean exists(ItemRef item) {
		return switch (item.kind()) {
			case SESSION -> this.curriculum.session(item.id()).isPresent();
			case EXERCISE -> this.curriculum.exercise(item.id()).isPresent();
			case RECORDING -> this.curriculum.seriesSession(item.id()).isPresent();
		};
	}

	private static boolean inRange(LocalDate date) {
		return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
	}

}
