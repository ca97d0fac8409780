package org.coachapproach.outreach.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Feed tokens; issuing one is {@link FeedTokenIssue}'s (two first uses at once may race). */
public interface FeedTokenRepository extends Repository<FeedToken, String>, FeedTokenIssue {

	Optional<FeedToken> findById(String tokenHash);

	boolean existsByTokenHashAndRetiredAtIsNull(String tokenHash);

	@Query("select max(t.generation) from FeedToken t where t.programId = ?1 and t.personId = ?2 and t.retiredAt is null")
	Optional<Integer> currentGeneration(long programId, long personId);

	/** The person's next generation, over all programs. */
	@Query("select coalesce(max(t.generation), 0) + 1 from FeedToken t where t.personId = ?1")
	int nextGeneration(long personId);

	@Modifying
	@Query("update FeedToken t set t.retiredAt = ?3 where t.programId = ?1 and t.personId = ?2 and t.retiredAt is null")
	int retire(long programId, long personId, Instant at);

}
