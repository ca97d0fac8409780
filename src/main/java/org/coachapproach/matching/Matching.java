package org.coachapproach.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.coachapproach.curriculum.Curriculum;
import org.coachapproach.curriculum.IntakeForms;
import org.coachapproach.matching.engine.Compatibility;
import org.coachapproach.matching.engine.Criterion;
import org.coachapproach.matching.engine.InvalidRuleException;
import org.coachapproach.matching.engine.Matcher;
import org.coachapproach.matching.engine.PairRule;
import org.coachapproach.matching.engine.Preference;
import org.coachapproach.matching.engine.Profile;
import org.coachapproach.matching.engine.Proposal;
import org.coachapproach.matching.engine.Weights;
import org.coachapproach.people.CourseId;
import org.coachapproach.people.Member;
import org.coachapproach.people.PersonId;
import org.coachapproach.people.ProgramRole;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's matching: weights per course, locks and exclusions, runs of the engine over the
 * course's intakes, and publication of a proposal as pairs. Published pairs are kept by later
 * runs (as locks), so mentees who join later are placed around them; staff end a pair
 * explicitly. Every action is staff's only.
 */
@Service
public class Matching {

	private static final int MAX_REASON = 1000;

	/** The reason the engine records for a published pair that no longer meets a requirement. */
	static final String PUBLISHED = "published earlier";

	private final CourseMatchingSettingsRepository settings;

	private final StaffRules staffRules;

	private final MatchingRuns runs;

	private final MentoringPairs pairs;

	private final MatchNotices notices;

	private final Intakes intakes;

	private final IntakeForms forms;

	private final Curriculum curriculum;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	Matching(CourseMatchingSettingsRepository settings, StaffRules staffRules, MatchingRuns runs, MentoringPairs pairs,
			MatchNotices notices, Intakes intakes, IntakeForms forms, Curriculum curriculum, ApplicationEventPublisher events,
			Clock clock) {
		this.settings = settings;
		this.staffRules = staffRules;
		this.runs = runs;
		this.pairs = pairs;
		this.notices = notices;
		this.intakes = intakes;
		this.forms = forms;
		this.curriculum = curriculum;
		this.events = events;
		this.clock = clock;
	}

	/** Staff doing the matching: program staff and administrators, in a course. */
	public static boolean mayMatch(Member member) {
		return member.course() != null && member.isStaff();
	}

	/** The course's weights by criterion id: staff's, else the intake file's defaults. */
	public Map<String, Integer> weights(CourseId course) {
		Map<String, Integer> weights = new LinkedHashMap<>();
		this.forms.criteria().forEach(c -> weights.put(c.id(), c.weight()));
		this.settings.findById(course.value())
			.map(CourseMatchingSettings::weights)
			.ifPresent(stored -> this.json.readValue(stored, WeightsJson.class).points().forEach((id, points) -> {
				if (weights.containsKey(id)) {
					weights.put(id, points);
				}
			}));
		return weights;
	}

	/** Replaces the course's weights; each must be a whole number from 0 to 100. */
	@Transactional
	public void changeWeights(Member staff, Map<String, String> posted) {
		requireStaff(staff);
		Map<String, Integer> weights = new LinkedHashMap<>();
		for (IntakeForms.Criterion c : this.forms.criteria()) {
			String value = posted.getOrDefault(c.id(), "").strip();
			if (!value.matches("\\d{1,3}") || Integer.parseInt(value) > Weights.MAX_POINTS) {
				throw new MatchingRefusedException("weightRange", c.label(), value);
			}
			weights.put(c.id(), Integer.parseInt(value));
		}
		CourseMatchingSettings stored = settingsOf(staff.course());
		stored.changeWeights(this.json.writeValueAsString(new WeightsJson(weights)), now());
		this.settings.save(stored);
	}

	/** Days without a logged meeting before a pair is reminded: staff's, else the intake file's default. */
	public int reminderDays(CourseId course) {
		return this.settings.findById(course.value())
			.map(CourseMatchingSettings::meetingReminderDays)
			.orElse(this.forms.meetingReminderDays());
	}

	@Transactional
	public void changeReminderDays(Member staff, String days) {
		requireStaff(staff);
		String value = days == null ? "" : days.strip();
		if (!value.matches("\\d{1,3}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 365) {
			throw new MatchingRefusedException("reminderRange", value);
		}
		CourseMatchingSettings stored = settingsOf(staff.course());
		stored.changeReminderDays(Integer.parseInt(value), now());
		this.settings.save(stored);
	}

	private CourseMatchingSettings settingsOf(CourseId course) {
		return this.settings.findById(course.value()).orElseGet(() -> new CourseMatchingSettings(course));
	}

	public List<Rule> rules(CourseId course) {
		return this.staffRules.findByCourseIdOrderById(course.value()).stream().map(StaffRule::view).toList();
	}

	/**
	 * Adds a lock or an exclusion. A lock needs both people's intakes, a mentee not locked to
	 * anyone else, a mentor with room, and a reason when the pair breaks a requirement.
	 */
	@Transactional
	public void addRule(Member staff, PersonId mentee, PersonId mentor, PairRule.Kind kind, String reason) {
		requireStaff(staff);
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > MAX_REASON) {
			throw new MatchingRefusedException("reasonTooLong", MAX_REASON);
		}
		Map<PersonId, Intakes.Submitted> pool = pool(staff.course());
		Intakes.Submitted a = pool.get(mentee);
		Intakes.Submitted b = pool.get(mentor);
		if (a == null || a.role() != ProgramRole.MENTEE || b == null || b.role() != ProgramRole.MENTOR) {
			throw new MatchingRefusedException("notInPool");
		}
		if (current(staff.course()).stream().anyMatch(p -> p.mentee().equals(mentee))) {
			throw new MatchingRefusedException("menteePaired");
		}
		List<Rule> existing = rules(staff.course());
		if (existing.stream().anyMatch(r -> r.mentee().equals(mentee) && r.mentor().equals(mentor))) {
			throw new MatchingRefusedException("ruleExists");
		}
		if (kind == PairRule.Kind.LOCK) {
			if (existing.stream().anyMatch(r -> r.kind() == PairRule.Kind.LOCK && r.mentee().equals(mentee))) {
				throw new MatchingRefusedException("menteeLocked");
			}
			long locks = existing.stream().filter(r -> r.kind() == PairRule.Kind.LOCK && r.mentor().equals(mentor)).count()
					+ current(staff.course()).stream().filter(p -> p.mentor().equals(mentor)).count();
			int capacity = b.answers().capacity() == null ? 0 : b.answers().capacity();
			if (locks >= capacity) {
				throw new MatchingRefusedException("mentorFull", capacity);
			}
			Compatibility compatibility = new Compatibility(weightsOf(staff.course()));
			List<Compatibility.Reason> unmet = compatibility.unmet(profile(a), profile(b));
			if (!unmet.isEmpty() && why == null) {
				throw new MatchingRefusedException("lockNeedsReason");
			}
			if (unmet.isEmpty()) {
				why = null;
			}
		}
		this.staffRules.save(new StaffRule(staff.course(), mentee, mentor, kind, kind == PairRule.Kind.LOCK ? why : null,
				staff.person(), now()));
	}

	@Transactional
	public void removeRule(Member staff, long ruleId) {
		requireStaff(staff);
		this.staffRules.deleteInCourse(ruleId, staff.course().value());
	}

	/** Runs the engine over the course's intakes and rules, and keeps the proposal. */
	@Transactional
	public long run(Member staff) {
		requireStaff(staff);
		CourseId course = staff.course();
		List<Profile> mentees = new ArrayList<>();
		List<Profile> mentors = new ArrayList<>();
		for (Intakes.Submitted s : this.intakes.all(course)) {
			(s.role() == ProgramRole.MENTOR ? mentors : mentees).add(profile(s));
		}
		// Published pairs stay as they are: a later run places newcomers around them.
		List<PairRule> rules = new ArrayList<>();
		current(course).forEach(p -> rules.add(PairRule.lock(p.mentee().value(), p.mentor().value(), PUBLISHED)));
		rules(course).stream()
			.filter(r -> rules.stream().noneMatch(p -> p.mentee() == r.mentee().value()))
			.forEach(r -> rules.add(new PairRule(r.mentee().value(), r.mentor().value(), r.kind(), r.reason())));
		Proposal proposal;
		try {
			proposal = new Matcher(weightsOf(course)).match(mentees, mentors, rules);
		}
		catch (InvalidRuleException ex) {
			throw new MatchingRefusedException("rule." + ex.problem());
		}
		return this.runs.save(new MatchingRun(course, staff.person(), now(), this.json.writeValueAsString(proposal),
				this.curriculum.contentHash())).id();
	}

	/** The course's latest run, if any. */
	public Optional<StoredProposal> latest(CourseId course) {
		return this.runs.findFirstByCourseIdOrderByIdDesc(course.value())
			.map(run -> new StoredProposal(run.id(), run.runAt(), this.json.readValue(run.proposal(), Proposal.class),
					run.publishedAt()));
	}

	/**
	 * Publishes the course's latest proposal: new pairs are created (both people notified in the
	 * tool, {@link MatchPublished} each), pairs it repeats are kept with their meetings, pairs it
	 * no longer has are ended.
	 */
	@Transactional
	public int publish(Member staff, long proposalId) {
		requireStaff(staff);
		CourseId course = staff.course();
		// Lock the course's proposals: two staff publishing at once queue up.
		List<MatchingRun> locked = this.runs.findByCourseIdOrderByIdDesc(course.value());
		if (locked.isEmpty()) {
			throw new MatchingRefusedException("noProposal");
		}
		MatchingRun run = locked.get(0);
		if (run.id() != proposalId) {
			throw new MatchingRefusedException("staleProposal");
		}
		if (run.publishedAt() != null) {
			throw new MatchingRefusedException("alreadyPublished");
		}
		Proposal proposal = this.json.readValue(run.proposal(), Proposal.class);
		Map<String, MentoringPair> current = new HashMap<>();
		this.pairs.findByCourseIdAndEndedAtIsNullOrderById(course.value())
			.forEach(p -> current.put(p.mentor().value() + ":" + p.mentee().value(), p));
		Instant at = now();
		int created = 0;
		List<Object> published = new ArrayList<>();
		for (Proposal.Pair pair : proposal.pairs()) {
			if (current.remove(pair.mentor() + ":" + pair.mentee()) != null) {
				continue;
			}
			MentoringPair saved = this.pairs.save(new MentoringPair(course, new PersonId(pair.mentor()),
					new PersonId(pair.mentee()), proposalId, at));
			for (PersonId person : List.of(saved.mentor(), saved.mentee())) {
				this.notices.save(new MatchNotice(person, saved.id(), at));
			}
			published.add(new MatchPublished(saved.id(), course, saved.mentor(), saved.mentee()));
			created++;
		}
		for (MentoringPair ended : current.values()) {
			ended.end(at);
			published.add(new MatchEnded(ended.id(), course));
		}
		run.published(staff.person(), at);
		published.forEach(this.events::publishEvent);
		return created;
	}

	/** The course's published pairs still running. */
	public List<CurrentPair> current(CourseId course) {
		return this.pairs.findByCourseIdAndEndedAtIsNullOrderById(course.value()).stream().map(MentoringPair::current).toList();
	}

	/** Ends a published pair (its meetings stay); the mentee is matched afresh by the next run. */
	@Transactional
	public void endPair(Member staff, PairId pair) {
		requireStaff(staff);
		this.pairs.findByIdAndCourseIdAndEndedAtIsNull(pair.value(), staff.course().value())
			.orElseThrow(() -> new MatchingRefusedException("noSuchPair"))
			.end(now());
		this.events.publishEvent(new MatchEnded(pair, staff.course()));
	}

	/** The course's intakes by person. */
	public Map<PersonId, Intakes.Submitted> pool(CourseId course) {
		Map<PersonId, Intakes.Submitted> pool = new LinkedHashMap<>();
		this.intakes.all(course).forEach(s -> pool.put(s.person(), s));
		return pool;
	}

	/** Each stated preference of a possible pair and whether it is met (for staff choosing a lock). */
	public List<Compatibility.Reason> explain(CourseId course, Intakes.Submitted mentee, Intakes.Submitted mentor) {
		return new Compatibility(weightsOf(course)).explain(profile(mentee), profile(mentor));
	}

	private Weights weightsOf(CourseId course) {
		Map<Criterion, Integer> points = new EnumMap<>(Criterion.class);
		weights(course).forEach((id, p) -> Criterion.ofKey(id).ifPresent(c -> points.put(c, p)));
		return new Weights(points);
	}

	/** The engine's view of an intake: chosen options as bits ("prefer not to say" as none), preferences. */
	Profile profile(Intakes.Submitted s) {
		Map<Criterion, Long> answers = new EnumMap<>(Criterion.class);
		Map<Criterion, Preference> preferences = new EnumMap<>(Criterion.class);
		for (IntakeForms.Criterion c : this.forms.criteria()) {
			Criterion criterion = Criterion.ofKey(c.id()).orElseThrow();
			long bits = 0;
			for (String option : s.answers().answer(c.id()).options()) {
				int index = c.indexOf(option);
				if (index >= 0 && !c.options().get(index).notSaid()) {
					bits |= 1L << index;
				}
			}
			answers.put(criterion, bits);
			IntakeAnswers.Wish wish = s.answers().preference(c.id());
			Preference.Direction direction = switch (wish.direction()) {
				case "same" -> Preference.Direction.SAME;
				case "different" -> Preference.Direction.DIFFERENT;
				default -> Preference.Direction.NONE;
			};
			preferences.put(criterion, new Preference(direction, direction != Preference.Direction.NONE && wish.required()));
		}
		int capacity = s.role() == ProgramRole.MENTOR && s.answers().capacity() != null ? s.answers().capacity() : 0;
		return new Profile(s.person().value(), capacity, answers, preferences);
	}

	private static void requireStaff(Member member) {
		if (!mayMatch(member)) {
			throw new MatchingRefusedException("notStaff");
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

	/** A published pair still running. */
	public record CurrentPair(PairId id, PersonId mentor, PersonId mentee, Instant publishedAt) {
	}

	/** A staff lock or exclusion. */
	public record Rule(long id, PersonId mentee, PersonId mentor, PairRule.Kind kind, String reason) {
	}

	/** A run as stored; {@code publishedAt} is {@code null} until published. */
	public record StoredProposal(long id, Instant runAt, Proposal proposal, Instant publishedAt) {
	}

	record WeightsJson(Map<String, Integer> points) {
	}

}
