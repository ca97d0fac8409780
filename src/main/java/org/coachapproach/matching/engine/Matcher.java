package org.coachapproach.matching.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coachapproach.matching.engine.Compatibility.Reason;
import org.coachapproach.matching.engine.Compatibility.Side;

/**
 * Runs a match over a whole pool: scores every pair, applies staff locks and exclusions, finds
 * the optimal assignment and explains it. People are taken in id order, so the same pool gives
 * the same proposal whatever order it arrives in.
 */
public final class Matcher {

	private final Compatibility compatibility;

	public Matcher(Weights weights) {
		this.compatibility = new Compatibility(weights);
	}

	/**
	 * @throws InvalidRuleException when a lock names someone not in the pool, puts a mentee in
	 * two pairs, fills a mentor beyond capacity, or breaks a requirement without a reason
	 */
	public Proposal match(List<Profile> mentees, List<Profile> mentors, List<PairRule> rules) {
		List<Profile> rows = sorted(mentees);
		List<Profile> columns = sorted(mentors);
		Map<Long, Integer> rowOf = index(rows);
		Map<Long, Integer> columnOf = index(columns);
		int[] capacity = columns.stream().mapToInt(p -> Math.max(p.capacity(), 0)).toArray();

		Map<Integer, PairRule> locks = new LinkedHashMap<>();
		Set<Long> excluded = new HashSet<>();
		for (PairRule rule : rules.stream().sorted(Comparator.comparingLong(PairRule::mentee)
			.thenComparingLong(PairRule::mentor)).toList()) {
			Integer i = rowOf.get(rule.mentee());
			Integer j = columnOf.get(rule.mentor());
			if (i == null || j == null) {
				throw new InvalidRuleException(InvalidRuleException.Problem.NOT_IN_POOL, rule);
			}
			if (rule.kind() == PairRule.Kind.EXCLUDE) {
				excluded.add(key(i, j));
				continue;
			}
			if (locks.containsKey(i)) {
				throw new InvalidRuleException(InvalidRuleException.Problem.MENTEE_LOCKED_TWICE, rule);
			}
			if (capacity[j] == 0) {
				throw new InvalidRuleException(InvalidRuleException.Problem.MENTOR_FULL, rule);
			}
			if (this.compatibility.score(rows.get(i), columns.get(j)) == Compatibility.IMPOSSIBLE && !rule.hasReason()) {
				throw new InvalidRuleException(InvalidRuleException.Problem.BREAKS_REQUIREMENT, rule);
			}
			capacity[j]--;
			locks.put(i, rule);
		}

		// The free part of the pool: mentees without a lock, against the room mentors have left.
		List<Integer> free = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (!locks.containsKey(i)) {
				free.add(i);
			}
		}
		int[][] score = new int[free.size()][columns.size()];
		for (int k = 0; k < free.size(); k++) {
			int i = free.get(k);
			Profile mentee = rows.get(i);
			for (int j = 0; j < columns.size(); j++) {
				score[k][j] = capacity[j] == 0 || excluded.contains(key(i, j)) ? Compatibility.IMPOSSIBLE
						: this.compatibility.score(mentee, columns.get(j));
			}
		}
		int[] assigned = Optimizer.solve(score, capacity, this.compatibility.maxScore());

		List<Proposal.Pair> pairs = new ArrayList<>();
		locks.forEach((i, rule) -> {
			Profile mentee = rows.get(i);
			Profile mentor = columns.get(columnOf.get(rule.mentor()));
			int s = this.compatibility.score(mentee, mentor);
			boolean breaks = s == Compatibility.IMPOSSIBLE;
			pairs.add(new Proposal.Pair(mentee.id(), mentor.id(), breaks ? 0 : s, true, breaks ? rule.reason() : null,
					this.compatibility.explain(mentee, mentor)));
		});
		List<Proposal.Unmatched> unmatched = new ArrayList<>();
		for (int k = 0; k < free.size(); k++) {
			Profile mentee = rows.get(free.get(k));
			if (assigned[k] >= 0) {
				Profile mentor = columns.get(assigned[k]);
				pairs.add(new Proposal.Pair(mentee.id(), mentor.id(), score[k][assigned[k]], false, null,
						this.compatibility.explain(mentee, mentor)));
			}
			else {
				unmatched.add(whyUnmatched(mentee, free.get(k), columns, score[k], capacity, excluded));
			}
		}
		pairs.sort(Comparator.comparingLong(Proposal.Pair::mentee));
		return new Proposal(pairs, unmatched, this.compatibility.maxScore());
	}

	private Proposal.Unmatched whyUnmatched(Profile mentee, int i, List<Profile> columns, int[] scores, int[] capacity,
			Set<Long> excluded) {
		int compatible = 0;
		int withRoom = 0;
		Map<String, Proposal.Blocking> blocking = new HashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		for (int j = 0; j < columns.size(); j++) {
			if (scores[j] >= 0) {
				compatible++;
			}
			if (capacity[j] == 0 || excluded.contains(key(i, j))) {
				continue;
			}
			withRoom++;
			for (Reason r : this.compatibility.unmet(mentee, columns.get(j))) {
				String k = r.side() + ":" + r.criterion();
				blocking.putIfAbsent(k, new Proposal.Blocking(r.criterion(), r.side(), r.preference(), 0));
				counts.merge(k, 1, Integer::sum);
			}
		}
		if (compatible > 0) {
			return new Proposal.Unmatched(mentee.id(), Proposal.Why.CAPACITY, List.of(), compatible);
		}
		if (withRoom == 0) {
			return new Proposal.Unmatched(mentee.id(), Proposal.Why.NO_MENTOR, List.of(), 0);
		}
		List<Proposal.Blocking> list = blocking.entrySet().stream()
			.map(e -> new Proposal.Blocking(e.getValue().criterion(), e.getValue().side(), e.getValue().preference(),
					counts.get(e.getKey())))
			.sorted(Comparator.comparingInt(Proposal.Blocking::mentorsRuledOut).reversed()
				.thenComparing(b -> b.side() == Side.MENTEE ? 0 : 1)
				.thenComparing(Proposal.Blocking::criterion))
			.toList();
		return new Proposal.Unmatched(mentee.id(), Proposal.Why.REQUIREMENT, list, 0);
	}

	private static List<Profile> sorted(List<Profile> people) {
		List<Profile> sorted = people.stream().sorted(Comparator.comparingLong(Profile::id)).toList();
		for (int k = 1; k < sorted.size(); k++) {
			if (sorted.get(k).id() == sorted.get(k - 1).id()) {
				throw new IllegalArgumentException("person " + sorted.get(k).id() + " is in the pool twice");
			}
		}
		return sorted;
	}

	private static Map<Long, Integer> index(List<Profile> people) {
		Map<Long, Integer> index = new HashMap<>();
		for (int k = 0; k < people.size(); k++) {
			index.put(people.get(k).id(), k);
		}
		return index;
	}

	private static long key(int i, int j) {
		return ((long) i << 32) | j;
	}

}
