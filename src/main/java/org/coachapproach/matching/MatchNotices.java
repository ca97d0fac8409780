package org.coachapproach.matching;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MatchNotices extends Repository<MatchNotice, Long> {

	MatchNotice save(MatchNotice notice);

	@Modifying
	@Query("UPDATE MatchNotice n SET n.seenAt = :at WHERE n.personId = :personId AND n.pairId = :pairId AND n.seenAt IS NULL")
	int markSeen(long personId, long pairId, Instant at);

}
