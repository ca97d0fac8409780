package org.coachapproach.matching;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ProposedTimes extends Repository<ProposedTimeRecord, Long> {

	List<ProposedTimeRecord> findByPairIdAndStartsAtAfterOrderByStartsAtAscIdAsc(long pairId, Instant after);

	Optional<ProposedTimeRecord> findByIdAndPairId(long id, long pairId);

	ProposedTimeRecord save(ProposedTimeRecord time);

}
