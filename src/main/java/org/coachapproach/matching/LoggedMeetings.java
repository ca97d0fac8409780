package org.coachapproach.matching;

import java.util.List;

import org.springframework.data.repository.Repository;

interface LoggedMeetings extends Repository<LoggedMeeting, Long> {

	List<LoggedMeeting> findByPairIdOrderByMetOnDescIdDesc(long pairId);

	LoggedMeeting save(LoggedMeeting meeting);

}
