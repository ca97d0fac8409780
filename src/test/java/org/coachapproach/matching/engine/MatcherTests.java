package org.coachapproach.matching.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.coachapproach.matching.engine.Compatibility.Side;
import org.coachapproach.matching.engine.Preference.Direction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The engine on constructed pools: capacities, requirements, who is left out and why, locks, ties. */
class MatcherTests {

	// Option indexes: gender identity 0 = woman, 1 = man; specialty 0 = cardiology, 1 = nephrology.
	private static final int WOMAN = 0;

	private static final int MAN = 1;

	private final Matcher matcher = new Matcher(MatchingBenchmark.WEIGHTS);

	@Test
	void shouldScoreMetPreferencesByWeight() {
		Compatibility compatibility = new Compatibility(MatchingBenchmark.WEIGHTS);
		Profile mentee = person(1, 0).answer(Criterion.SPECIALTY, 0).answer(Criterion.PROFESSIONAL_INTERESTS, 0, 1)
			.wish(Criterion.SPECIALTY, Direction.SAME).wish(Criterion.PROFESSIONAL_INTERESTS, Direction.SAME).build();
		Profile mentor = person(2, 1).answer(Criterion.SPECIALTY, 0).answer(Criterion.PROFESSIONAL_INTERESTS, 1, 2, 3)
			.build();
		// Specialty met in full (30 points); half of the shorter interest list shared (25 / 2).
		assertThat(compatibility.score(mentee, mentor)).isEqualTo(30_000 + 12_500);
		assertThat(compatibility.explain(mentee, mentor)).extracting(Compatibility.Reason::criterion, Compatibility.Reason::met)
			.containsExactly(tuple(Criterion.SPECIALTY, true),
					tuple(Criterion.PROFESSIONAL_INTERESTS, true));
		// A mentor who wants someone of a different specialty halves the specialty points.
		Profile choosy = person(3, 1).answer(Criterion.SPECIALTY, 0).answer(Criterion.PROFESSIONAL_INTERESTS, 1, 2, 3)
			.wish(Criterion.SPECIALTY, Direction.DIFFERENT).build();
		assertThat(compatibility.score(mentee, choosy)).isEqualTo(15_000 + 12_500);
		// Nobody answered gender identity: a wish about it is not met.
		Profile wishesWoman = person(4, 0).wish(Criterion.GENDER_IDENTITY, Direction.SAME).build();
		assertThat(compatibility.score(wishesWoman, mentor)).isZero();
	}

	@Test
	void shouldFillMentorsUpToTheirCapacityAndNoFurther() {
		Profile busy = person(100, 2).answer(Criterion.SPECIALTY, 0).build();
		Profile away = person(101, 0).answer(Criterion.SPECIALTY, 0).build();
		Profile other = person(102, 1).answer(Criterion.SPECIALTY, 1).build();
		List<Profile> mentees = List.of(sameSpecialty(1, 0), sameSpecialty(2, 0), sameSpecialty(3, 0));

		Proposal proposal = this.matcher.match(mentees, List.of(busy, away, other), List.of());

		assertThat(proposal.pairs()).extracting(Proposal.Pair::mentee, Proposal.Pair::mentor)
			.containsExactly(tuple(1L, 100L), tuple(2L, 100L),
					tuple(3L, 102L));
		assertThat(proposal.unmatched()).isEmpty();
	}

	@Test
	void shouldKeepARequirementEvenAgainstAHigherScore() {
		Profile mentee = person(1, 0).answer(Criterion.GENDER_IDENTITY, WOMAN).answer(Criterion.SPECIALTY, 0)
			.require(Criterion.GENDER_IDENTITY, Direction.SAME).wish(Criterion.SPECIALTY, Direction.SAME).build();
		Profile sameSpecialtyMan = person(100, 1).answer(Criterion.GENDER_IDENTITY, MAN).answer(Criterion.SPECIALTY, 0)
			.build();
		Profile otherSpecialtyWoman = person(101, 1).answer(Criterion.GENDER_IDENTITY, WOMAN)
			.answer(Criterion.SPECIALTY, 1)
			.build();

		Proposal proposal = this.matcher.match(List.of(mentee), List.of(sameSpecialtyMan, otherSpecialtyWoman), List.of());

		assertThat(proposal.pairs()).singleElement().satisfies(pair -> {
			assertThat(pair.mentor()).isEqualTo(101L);
			assertThat(pair.reasons()).extracting(Compatibility.Reason::criterion, Compatibility.Reason::met)
				.containsExactly(tuple(Criterion.SPECIALTY, false),
						tuple(Criterion.GENDER_IDENTITY, true));
		});
	}

	@Test
	void shouldListAMenteeNobodyCanTakeWithTheBlockingRequirement() {
		Profile mentee = person(1, 0).answer(Criterion.GENDER_IDENTITY, WOMAN).answer(Criterion.DIVISION, 3)
			.require(Criterion.GENDER_IDENTITY, Direction.SAME).build();
		Profile man = person(100, 2).answer(Criterion.GENDER_IDENTITY, MAN).answer(Criterion.DIVISION, 4).build();
		Profile sameDivisionOnly = person(101, 1).answer(Criterion.GENDER_IDENTITY, MAN).answer(Criterion.DIVISION, 5)
			.require(Criterion.DIVISION, Direction.SAME).build();
		Profile other = person(2, 0).answer(Criterion.GENDER_IDENTITY, MAN).build();

		Proposal proposal = this.matcher.match(List.of(mentee, other), List.of(man, sameDivisionOnly), List.of());

		assertThat(proposal.pairs()).extracting(Proposal.Pair::mentee).containsExactly(2L);
		assertThat(proposal.unmatched()).singleElement().satisfies(u -> {
			assertThat(u.mentee()).isEqualTo(1L);
			assertThat(u.why()).isEqualTo(Proposal.Why.REQUIREMENT);
			assertThat(u.blocking()).extracting(Proposal.Blocking::criterion, Proposal.Blocking::side,
					Proposal.Blocking::mentorsRuledOut)
				.containsExactly(tuple(Criterion.GENDER_IDENTITY, Side.MENTEE, 2),
						tuple(Criterion.DIVISION, Side.MENTOR, 1));
		});
	}

	@Test
	void shouldSayWhenCompatibleMentorsAreAllTakenOrNoneHasRoom() {
		Profile onlyMentor = person(100, 1).build();
		Proposal full = this.matcher.match(List.of(person(1, 0).build(), person(2, 0).build()), List.of(onlyMentor),
				List.of());
		assertThat(full.unmatched()).singleElement().satisfies(u -> {
			assertThat(u.mentee()).isEqualTo(2L);
			assertThat(u.why()).isEqualTo(Proposal.Why.CAPACITY);
			assertThat(u.compatibleMentors()).isEqualTo(1);
		});
		Proposal noRoom = this.matcher.match(List.of(person(1, 0).build()), List.of(person(100, 0).build()), List.of());
		assertThat(noRoom.unmatched()).singleElement().extracting(Proposal.Unmatched::why)
			.isEqualTo(Proposal.Why.NO_MENTOR);
	}

	@Test
	void shouldHandleEmptyPools() {
		assertThat(this.matcher.match(List.of(), List.of(person(100, 2).build()), List.of()).pairs()).isEmpty();
		Proposal noMentors = this.matcher.match(List.of(person(1, 0).build()), List.of(), List.of());
		assertThat(noMentors.unmatched()).singleElement().extracting(Proposal.Unmatched::why)
			.isEqualTo(Proposal.Why.NO_MENTOR);
	}

	@Test
	void shouldMatchEveryoneItCanBeforeMaximisingTheScore() {
		// Mentee 1 fits mentor 100 perfectly and 101 not at all; mentee 2 can only have 100.
		Profile a = sameSpecialty(1, 0);
		Profile b = person(2, 0).answer(Criterion.GENDER_IDENTITY, WOMAN)
			.require(Criterion.GENDER_IDENTITY, Direction.SAME).build();
		Profile m100 = person(100, 1).answer(Criterion.SPECIALTY, 0).answer(Criterion.GENDER_IDENTITY, WOMAN).build();
		Profile m101 = person(101, 1).answer(Criterion.SPECIALTY, 1).answer(Criterion.GENDER_IDENTITY, MAN).build();

		Proposal proposal = this.matcher.match(List.of(a, b), List.of(m100, m101), List.of());

		assertThat(proposal.pairs()).extracting(Proposal.Pair::mentee, Proposal.Pair::mentor)
			.containsExactly(tuple(1L, 101L), tuple(2L, 100L));
	}

	@Test
	void shouldBreakTiesTheSameWayWhateverTheInputOrder() {
		Random random = new Random(42);
		List<Profile> mentees = new ArrayList<>();
		List<Profile> mentors = new ArrayList<>();
		for (int k = 0; k < 40; k++) {
			// Few options: many equal scores.
			mentees.add(person(k, 0).answer(Criterion.SPECIALTY, random.nextInt(2))
				.wish(Criterion.SPECIALTY, Direction.SAME).build());
		}
		for (int k = 0; k < 20; k++) {
			mentors.add(person(1000 + k, 1 + random.nextInt(2)).answer(Criterion.SPECIALTY, random.nextInt(2)).build());
		}
		Proposal first = this.matcher.match(mentees, mentors, List.of());
		for (int round = 0; round < 5; round++) {
			List<Profile> a = new ArrayList<>(mentees);
			List<Profile> b = new ArrayList<>(mentors);
			Collections.shuffle(a, new Random(round));
			Collections.shuffle(b, new Random(round + 100));
			assertThat(this.matcher.match(a, b, List.of())).isEqualTo(first);
		}
		// Two identical mentors: the lower id takes the one mentee.
		Proposal tie = this.matcher.match(List.of(person(1, 0).build()),
				List.of(person(201, 1).build(), person(200, 1).build()), List.of());
		assertThat(tie.pairs()).singleElement().extracting(Proposal.Pair::mentor).isEqualTo(200L);
	}

	@Test
	void shouldApplyLocksAndExclusions() {
		Profile m1 = sameSpecialty(1, 0);
		Profile m2 = sameSpecialty(2, 0);
		Profile cardio = person(100, 1).answer(Criterion.SPECIALTY, 0).build();
		Profile nephro = person(101, 1).answer(Criterion.SPECIALTY, 1).build();

		// Without rules mentee 1 (lower id) gets the cardiologist; a lock gives it to mentee 2.
		assertThat(this.matcher.match(List.of(m1, m2), List.of(cardio, nephro), List.of()).pairs())
			.extracting(Proposal.Pair::mentor).containsExactly(100L, 101L);
		Proposal locked = this.matcher.match(List.of(m1, m2), List.of(cardio, nephro), List.of(PairRule.lock(2, 100)));
		assertThat(locked.pairs()).extracting(Proposal.Pair::mentee, Proposal.Pair::mentor, Proposal.Pair::locked)
			.containsExactly(tuple(1L, 101L, false),
					tuple(2L, 100L, true));

		Proposal excluded = this.matcher.match(List.of(m1, m2), List.of(cardio, nephro),
				List.of(PairRule.exclude(1, 100), PairRule.exclude(2, 100)));
		assertThat(excluded.pairs()).extracting(Proposal.Pair::mentor).containsExactly(101L);
		assertThat(excluded.unmatched()).singleElement().extracting(Proposal.Unmatched::mentee).isEqualTo(2L);
	}

	@Test
	void shouldAcceptALockAgainstARequirementOnlyWithAReason() {
		Profile mentee = person(1, 0).answer(Criterion.GENDER_IDENTITY, WOMAN)
			.require(Criterion.GENDER_IDENTITY, Direction.SAME).build();
		Profile man = person(100, 1).answer(Criterion.GENDER_IDENTITY, MAN).build();

		assertThatThrownBy(() -> this.matcher.match(List.of(mentee), List.of(man), List.of(PairRule.lock(1, 100))))
			.isInstanceOfSatisfying(InvalidRuleException.class,
					ex -> assertThat(ex.problem()).isEqualTo(InvalidRuleException.Problem.BREAKS_REQUIREMENT));
		assertThatThrownBy(() -> this.matcher.match(List.of(mentee), List.of(man), List.of(PairRule.lock(1, 100, "  "))))
			.isInstanceOf(InvalidRuleException.class);

		Proposal forced = this.matcher.match(List.of(mentee), List.of(man),
				List.of(PairRule.lock(1, 100, "She asked for him after the retreat")));
		assertThat(forced.pairs()).singleElement().satisfies(pair -> {
			assertThat(pair.locked()).isTrue();
			assertThat(pair.overrideReason()).isEqualTo("She asked for him after the retreat");
			assertThat(pair.score()).isZero();
		});
	}

	@Test
	void shouldRefuseLocksThatCannotHold() {
		Profile mentor = person(100, 1).build();
		List<Profile> mentees = List.of(person(1, 0).build(), person(2, 0).build());
		assertThatThrownBy(() -> this.matcher.match(mentees, List.of(mentor),
				List.of(PairRule.lock(1, 100), PairRule.lock(2, 100))))
			.isInstanceOfSatisfying(InvalidRuleException.class,
					ex -> assertThat(ex.problem()).isEqualTo(InvalidRuleException.Problem.MENTOR_FULL));
		assertThatThrownBy(() -> this.matcher.match(mentees, List.of(mentor), List.of(PairRule.lock(3, 100))))
			.isInstanceOfSatisfying(InvalidRuleException.class,
					ex -> assertThat(ex.problem()).isEqualTo(InvalidRuleException.Problem.NOT_IN_POOL));
	}

	@Test
	void shouldNeverDoWorseThanGreedyOnRandomPools() {
		Compatibility compatibility = new Compatibility(MatchingBenchmark.WEIGHTS);
		for (long seed = 1; seed <= 30; seed++) {
			Random random = new Random(seed);
			List<Profile> mentees = new ArrayList<>();
			List<Profile> mentors = new ArrayList<>();
			for (int k = 0; k < 30 + random.nextInt(40); k++) {
				mentees.add(MatchingBenchmark.profile(random, k, 0));
			}
			for (int k = 0; k < 10 + random.nextInt(20); k++) {
				mentors.add(MatchingBenchmark.profile(random, 1000 + k, random.nextInt(4)));
			}
			Proposal proposal = this.matcher.match(mentees, mentors, List.of());
			int[][] score = new int[mentees.size()][mentors.size()];
			int[] capacity = mentors.stream().mapToInt(Profile::capacity).toArray();
			for (int i = 0; i < mentees.size(); i++) {
				for (int j = 0; j < mentors.size(); j++) {
					score[i][j] = compatibility.score(mentees.get(i), mentors.get(j));
				}
			}
			long[] greedy = OptimizerTests.value(OptimizerTests.greedy(score, capacity), score);
			assertThat((long) proposal.pairs().size()).as("seed %d", seed).isGreaterThanOrEqualTo(greedy[0]);
			if (proposal.pairs().size() == greedy[0]) {
				assertThat(proposal.totalScore()).as("seed %d", seed).isGreaterThanOrEqualTo(greedy[1]);
			}
			assertThat(proposal.pairs().size() + proposal.unmatched().size()).isEqualTo(mentees.size());
		}
	}

	private static Profile sameSpecialty(long id, int specialty) {
		return person(id, 0).answer(Criterion.SPECIALTY, specialty).wish(Criterion.SPECIALTY, Direction.SAME).build();
	}

	static Builder person(long id, int capacity) {
		return new Builder(id, capacity);
	}

	static final class Builder {

		private final long id;

		private final int capacity;

		private final Map<Criterion, Long> answers = new EnumMap<>(Criterion.class);

		private final Map<Criterion, Preference> preferences = new EnumMap<>(Criterion.class);

		Builder(long id, int capacity) {
			this.id = id;
			this.capacity = capacity;
		}

		Builder answer(Criterion criterion, int... options) {
			long bits = 0;
			for (int option : options) {
				bits |= 1L << option;
			}
			this.answers.put(criterion, bits);
			return this;
		}

		Builder wish(Criterion criterion, Direction direction) {
			this.preferences.put(criterion, Preference.wish(direction));
			return this;
		}

		Builder require(Criterion criterion, Direction direction) {
			this.preferences.put(criterion, Preference.requirement(direction));
			return this;
		}

		Profile build() {
			return new Profile(this.id, this.capacity, this.answers, this.preferences);
		}

	}

}
