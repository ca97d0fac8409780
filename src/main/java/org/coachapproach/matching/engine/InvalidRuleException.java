package org.coachapproach.matching.engine;

/** A staff lock or exclusion the engine cannot apply; nothing is proposed. */
public class InvalidRuleException extends RuntimeException {

	private final Problem problem;

	private final PairRule rule;

	public InvalidRuleException(Problem problem, PairRule rule) {
		super(problem + ": mentee " + rule.mentee() + ", mentor " + rule.mentor());
		this.problem = problem;
		this.rule = rule;
	}

	public Problem problem() {
		return this.problem;
	}

	public PairRule rule() {
		return this.rule;
	}

	public enum Problem {

		NOT_IN_POOL, MENTEE_LOCKED_TWICE, MENTOR_FULL, BREAKS_REQUIREMENT

	}

}
