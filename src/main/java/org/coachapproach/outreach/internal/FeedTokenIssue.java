package org.coachapproach.outreach.internal;

import java.time.Instant;

/** Issuing a feed token, where two first uses at once may take the same generation. */
public interface FeedTokenIssue {

	/**
	 * Keeps the token's hash unless a row of that hash is there already.
	 * @return the program the row of that hash belongs to (this one, unless another issued it first)
	 */
	long issue(String tokenHash, long programId, long personId, int generation, Instant at);

}
