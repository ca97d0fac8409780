package org.coachapproach.matching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.IntakeForms;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentors' and mentees' matching intakes. Validated against the intake forms in the
 * curriculum; a refused intake saves nothing. Read only by the person and by staff matching.
 */
@Service
public class Intakes {

	static final int MAX_OTHER_TEXT = 200;

	private final IntakeRecords records;

	private final MentoringPairs pairs;

	private final IntakeForms forms;

	private final Curriculum curriculum;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	Intakes(IntakeRecords records, MentoringPairs pairs, IntakeForms forms, Curriculum curriculum, Clock clock) {
		this.records = records;
		this.pairs = pairs;
		this.forms = forms;
		this.curriculum = curriculum;
		this.clock = clock;
	}

	/** The form this member fills in: mentors the mentor form, mentees the mentee form; others none. */
	public Optional<IntakeForms.Form> formFor(Member member) {
		if (member.course() == null || member.programRole() == null) {
			return Optional.empty();
		}
		return switch (member.programRole()) {
			case MENTOR -> Optional.of(this.forms.mentor());
			case MENTEE -> Optional.of(this.forms.mentee());
			case STAFF -> Optional.empty();
		};
	}

	/** Saves (or replaces) the member's own intake. */
	@Transactional
	public void save(Member member, IntakeAnswers answers) {
		IntakeForms.Form form = formFor(member)
			.orElseThrow(() -> new InvalidIntakeException(List.of(new InvalidIntakeException.Problem("notInProgram", null, null))));
		boolean mentor = member.programRole() == ProgramRole.MENTOR;
		IntakeAnswers clean = check(answers, mentor);
		if (this.pairs.isPaired(member.course().value(), member.person().value())) {
			throw new InvalidIntakeException(List.of(new InvalidIntakeException.Problem("alreadyMatched", null, null)));
		}
		IntakeRecord intake = this.records.findByCourseIdAndPersonId(member.course().value(), member.person().value())
			.orElseGet(() -> new IntakeRecord(member.course(), member.person()));
		intake.replace(ProgramRole.valueOf(form.role().toUpperCase(java.util.Locale.ROOT)), clean.capacity(),
				this.json.writeValueAsString(new Stored(clean.answers(), clean.preferences())), this.curriculum.contentHash(),
				this.clock.instant());
		this.records.save(intake);
	}

	/** The person's own intake in the course, if any. */
	public Optional<IntakeAnswers> of(CourseId course, PersonId person) {
		return this.records.findByCourseIdAndPersonId(course.value(), person.value())
			.map(r -> read(r.capacity(), r.answers()));
	}

	/** Every intake in the course with its role, by person: the matching pool. */
	public List<Submitted> all(CourseId course) {
		return this.records.findByCourseIdOrderByPersonId(course.value())
			.stream()
			.map(r -> new Submitted(r.person(), r.role(), read(r.capacity(), r.answers())))
			.toList();
	}

	private IntakeAnswers read(Integer capacity, String stored) {
		Stored s = this.json.readValue(stored, Stored.class);
		return new IntakeAnswers(s.answers(), s.preferences(), capacity);
	}

	/** Every problem with the answers, or the answers cut down to what the forms know. */
	IntakeAnswers check(IntakeAnswers answers, boolean mentor) {
		List<InvalidIntakeException.Problem> problems = new ArrayList<>();
		Map<String, IntakeAnswers.Answer> kept = new LinkedHashMap<>();
		Map<String, IntakeAnswers.Wish> wishes = new LinkedHashMap<>();
		for (IntakeForms.Criterion c : this.forms.criteria()) {
			IntakeAnswers.Answer answer = answers.answer(c.id());
			List<String> options = answer.options().stream().filter(o -> !o.isBlank()).distinct().toList();
			options.stream().filter(o -> c.indexOf(o) < 0)
				.forEach(o -> problems.add(new InvalidIntakeException.Problem("unknownOption", c.label(), o)));
			if (!c.several() && options.size() > 1) {
				problems.add(new InvalidIntakeException.Problem("oneOnly", c.label(), null));
			}
			String other = answer.other() == null || answer.other().isBlank() || !c.otherText() ? null : answer.other().strip();
			if (other != null && other.length() > MAX_OTHER_TEXT) {
				problems.add(new InvalidIntakeException.Problem("otherTooLong", c.label(), String.valueOf(MAX_OTHER_TEXT)));
			}
			kept.put(c.id(), new IntakeAnswers.Answer(options, other));
			IntakeAnswers.Wish wish = answers.preference(c.id());
			String direction = wish.direction() == null || wish.direction().isBlank() ? "none" : wish.direction();
			if (!List.of("same", "different", "none").contains(direction)) {
				problems.add(new InvalidIntakeException.Problem("badDirection", c.label(), direction));
			}
			else if (direction.equals("none") && wish.required()) {
				problems.add(new InvalidIntakeException.Problem("requiredWithoutDirection", c.label(), null));
			}
			wishes.put(c.id(), new IntakeAnswers.Wish(direction, wish.required()));
		}
		Integer capacity = null;
		if (mentor) {
			if (answers.capacity() == null) {
				problems.add(new InvalidIntakeException.Problem("capacityMissing", null, null));
			}
			else if (answers.capacity() < 0 || answers.capacity() > IntakeForms.MAX_CAPACITY) {
				problems.add(new InvalidIntakeException.Problem("capacityRange", null, String.valueOf(answers.capacity())));
			}
			capacity = answers.capacity();
		}
		if (!problems.isEmpty()) {
			throw new InvalidIntakeException(problems);
		}
		return new IntakeAnswers(kept, wishes, capacity);
	}

	/** An intake in the pool. */
	public record Submitted(PersonId person, ProgramRole role, IntakeAnswers answers) {
	}

	record Stored(Map<String, IntakeAnswers.Answer> answers, Map<String, IntakeAnswers.Wish> preferences) {
	}

}
